// The moderation queue: after a one-click action the page comes back with #beoordeel-<nr> of
// the next comment that waits; its first button gets focus, so a moderator using the keyboard
// goes on there instead of at the top of the page.
(function () {
    "use strict";
    var match = window.location.hash.match(/^#(beoordeel-\d+)$/);
    if (!match) return;
    var button = document.getElementById(match[1]);
    if (button) {
        button.focus();
        button.scrollIntoView({ block: "center" });
    }
})();
