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

// Printing: a visible "Afdrukken" button where this script runs, and links printed with their
// full address (the print stylesheet shows data-print-href after the link text).
(function () {
    "use strict";
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    window.addEventListener("beforeprint", function () {
        document.querySelectorAll("main a[href]").forEach(function (link) {
            var href = link.getAttribute("href");
            if (href && href.charAt(0) !== "#") link.setAttribute("data-print-href", link.href);
        });
    });
})();

// Mijn bewaarde rollen: the list lives in the address (?rol=…&rol=…); this script also keeps
// it in the browser's own storage, so "Bewaar" adds to the list instead of starting a new one.
// Nothing is sent to us but the address itself.
(function () {
    "use strict";
    var KEY = "ervaring:bewaarde-rollen";
    var read = function () {
        try {
            var list = JSON.parse(window.localStorage.getItem(KEY) || "[]");
            return Array.isArray(list) ? list.filter(function (s) { return typeof s === "string"; }) : [];
        } catch (error) { return []; }
    };
    var write = function (list) {
        try { window.localStorage.setItem(KEY, JSON.stringify(list.slice(0, 20))); } catch (error) { /* storage off: the address still works */ }
    };
    var addressOf = function (base, list) {
        return list.length ? base + "?" + list.map(function (slug) { return "rol=" + encodeURIComponent(slug); }).join("&") : base;
    };
    document.querySelectorAll("a[data-save-role]").forEach(function (link) {
        link.addEventListener("click", function (event) {
            var slug = link.getAttribute("data-save-role");
            var list = read();
            if (list.indexOf(slug) === -1) list.push(slug);
            write(list);
            event.preventDefault();
            window.location.href = addressOf(link.pathname, list);
        });
    });
    document.querySelectorAll("a[data-unsave-role]").forEach(function (link) {
        link.addEventListener("click", function () {
            var slug = link.getAttribute("data-unsave-role");
            write(read().filter(function (item) { return item !== slug; }));
        });
    });
    var saved = document.querySelector("[data-saved-list]");
    if (saved) {
        var base = saved.getAttribute("data-saved-url");
        var inAddress = (saved.getAttribute("data-slugs") || "").split(" ").filter(Boolean);
        var hasRoles = new URLSearchParams(window.location.search).getAll("rol").length > 0;
        var own = read();
        var forget = document.querySelector("[data-forget-saved]");
        if (forget) {
            forget.hidden = false;
            forget.addEventListener("click", function () {
                try { window.localStorage.removeItem(KEY); } catch (error) { /* nothing kept */ }
                forget.textContent = "De lijst is vergeten in deze browser.";
                forget.disabled = true;
            });
        }
        // Roles of the browser's own list that this address does not hold: replacing the own
        // list with the address's would lose them, so the visitor is asked first (issue 32).
        var lost = own.filter(function (slug) { return inAddress.indexOf(slug) === -1; });
        var conflict = document.querySelector("[data-saved-conflict]");
        if (hasRoles && lost.length && conflict) {
            var titles = {};
            document.querySelectorAll("#voeg-toe option").forEach(function (option) { titles[option.value] = option.textContent; });
            conflict.querySelector("[data-own-roles]").textContent = lost.map(function (slug) { return titles[slug] || slug; }).join(", ");
            conflict.querySelector("[data-saved-own]").setAttribute("href", addressOf(base, own));
            conflict.querySelector("[data-saved-merge]").addEventListener("click", function () {
                var both = own.concat(inAddress.filter(function (slug) { return own.indexOf(slug) === -1; }));
                write(both);
                window.location.href = addressOf(base, both.slice(0, 20));
            });
            conflict.querySelector("[data-saved-replace]").addEventListener("click", function () {
                write(inAddress);
                var done = document.createElement("p");
                done.setAttribute("role", "status");
                done.textContent = "Deze lijst is nu je eigen lijst.";
                conflict.replaceWith(done);
            });
            conflict.hidden = false;
        } else if (hasRoles) {
            write(inAddress); // nothing of the own list is lost: this address is the list now
        } else if (own.length) {
            window.location.replace(addressOf(base, own));
        }
    }
})();
