// Progressive enhancement only: every page works without this file.
// A text field with data-max-length gets a quiet counter of the characters left.
(function () {
    "use strict";
    document.querySelectorAll("textarea[data-max-length]").forEach(function (field) {
        var max = parseInt(field.getAttribute("data-max-length"), 10);
        var counter = document.createElement("p");
        counter.className = "field__hint";
        counter.id = field.id + "-teller";
        counter.setAttribute("aria-live", "polite");
        field.insertAdjacentElement("afterend", counter);
        var update = function () {
            var left = max - field.value.length;
            counter.textContent = left >= 0
                ? "Nog " + left + " tekens over."
                : "Je tekst is " + (-left) + " tekens te lang.";
        };
        field.addEventListener("input", update);
        update();
    });
})();

// After a form came back with mistakes, focus goes to the list of what is missing, so a
// screen reader reads it and the next Tab leads to the first mistake.
(function () {
    "use strict";
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary && !window.location.hash.match(/^#(id_|vraag-)/)) {
        summary.focus();
        // Going to the address's #fragment once the page has loaded can take focus away again.
        window.addEventListener("load", function () {
            if (document.activeElement === document.body) summary.focus();
        });
    }
})();
