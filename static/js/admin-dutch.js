// Names Wagtail writes into its admin HTML in English, where no translation reaches them
// (the header's action menu is labelled "Actions" in Wagtail's own template). Renamed as the
// admin loads; nothing else changes.
(function () {
    "use strict";
    var names = { Actions: "Acties" };
    function rename(root) {
        Object.keys(names).forEach(function (english) {
            root.querySelectorAll('[aria-label="' + english + '"]').forEach(function (element) {
                element.setAttribute("aria-label", names[english]);
            });
        });
    }
    document.addEventListener("DOMContentLoaded", function () {
        rename(document);
    });
})();
