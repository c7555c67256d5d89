/*
 * Our content check in Wagtail's Checks panel (readability/checks.py): the page's text is
 * above B1. Runs inside the preview, where the server put its verdict on the previewed page
 * (<template id="leesbaarheid-oordeel">); registered through Wagtail's documented
 * window.wagtail.userbar.registerCheck.
 */
(() => {
    "use strict";

    function readsAtB1() {
        const note = document.getElementById("leesbaarheid-oordeel");
        if (!note) return true; // not a preview: nothing measured, nothing to report
        try {
            return JSON.parse(note.dataset.oordeel).passes !== false;
        } catch {
            return true;
        }
    }

    const userbar = window.wagtail && window.wagtail.userbar;
    if (userbar && userbar.registerCheck) {
        userbar.registerCheck("check-leesbaarheid-b1", readsAtB1);
    }
})();
