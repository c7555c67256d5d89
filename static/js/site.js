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

// "Lees voor": the page's main text read aloud by the browser's own Dutch speech
// (speechSynthesis), nothing sent anywhere: only voices the device has itself (localService)
// are used, and the control is only shown where there is one. Play, pause, stop and speed are
// buttons (keyboard-operable); the sentence being read is highlighted with the CSS Custom
// Highlight API, which changes nothing in the page. Reads the text of <main>: not the menu,
// the footer, forms, or explanations that are closed.
(function () {
    "use strict";
    var synth = window.speechSynthesis;
    var main = document.querySelector("main");
    if (!synth || !window.SpeechSynthesisUtterance || !main || main.hasAttribute("data-no-read-aloud")) {
        return;
    }
    var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, blockquote, figcaption, td, th, caption";
    var SKIP = "nav, form, button, select, textarea, script, style, .read-aloud, .feedback, " +
        ".term__explanation, .terms-used, .print-only, .visually-hidden, [hidden], [aria-hidden=true]";
    var SPEEDS = [["Langzaam", 0.8], ["Gewoon", 1], ["Snel", 1.25]];
    var control = null;

    function dutchVoice() {
        var voices = synth.getVoices().filter(function (voice) {
            return /^nl([-_]|$)/i.test(voice.lang) && voice.localService;
        });
        return voices.filter(function (voice) { return voice.default; })[0] || voices[0] || null;
    }

    // Every sentence of the main text, as a Range over the page's own text nodes.
    function sentences() {
        var found = [];
        main.querySelectorAll(BLOCKS).forEach(function (block) {
            if (block.closest(SKIP) || block.parentElement.closest(BLOCKS) || !block.offsetParent) {
                return;
            }
            var nodes = [];
            var text = "";
            var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
                acceptNode: function (node) {
                    var parent = node.parentElement;
                    return parent.closest(SKIP) || !parent.offsetParent
                        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
                }
            });
            for (var node = walker.nextNode(); node; node = walker.nextNode()) {
                nodes.push({ node: node, start: text.length });
                text += node.data;
            }
            var pattern = /[^.!?]+[.!?]*[\s\u00ad]*/g;
            var match;
            while ((match = pattern.exec(text)) !== null) {
                var spoken = match[0].replace(/\u00ad/g, "").trim();
                if (!/\w/.test(spoken)) { continue; }
                found.push({ text: spoken, range: rangeOf(nodes, match.index, match.index + match[0].length) });
            }
        });
        return found;
    }

    function rangeOf(nodes, start, end) {
        var range = document.createRange();
        var place = function (offset, setter) {
            for (var i = nodes.length - 1; i >= 0; i--) {
                if (nodes[i].start <= offset) {
                    setter.call(range, nodes[i].node, Math.min(offset - nodes[i].start, nodes[i].node.data.length));
                    return;
                }
            }
        };
        place(start, range.setStart);
        place(end, range.setEnd);
        return range;
    }

    function build(voice) {
        control = document.createElement("section");
        control.className = "read-aloud";
        control.setAttribute("aria-label", "Lees voor");
        control.innerHTML =
            '<button type="button" class="read-aloud__play">Lees voor</button> ' +
            '<button type="button" class="read-aloud__pause" hidden>Pauze</button> ' +
            '<button type="button" class="read-aloud__stop" hidden>Stop</button> ' +
            '<label class="read-aloud__speed">Snelheid <select></select></label>' +
            '<p class="read-aloud__status" role="status" aria-live="polite"></p>';
        var select = control.querySelector("select");
        SPEEDS.forEach(function (speed) {
            var option = document.createElement("option");
            option.value = String(speed[1]);
            option.textContent = speed[0];
            option.selected = speed[1] === 1;
            select.appendChild(option);
        });
        var play = control.querySelector(".read-aloud__play");
        var pause = control.querySelector(".read-aloud__pause");
        var stop = control.querySelector(".read-aloud__stop");
        var status = control.querySelector(".read-aloud__status");
        var queue = [];
        var at = 0;
        var playing = false;

        function highlight(range) {
            if (window.CSS && CSS.highlights && window.Highlight) {
                if (range) { CSS.highlights.set("lees-voor", new Highlight(range)); }
                else { CSS.highlights.delete("lees-voor"); }
            }
        }

        function show(state) {
            playing = state !== "stopped";
            play.hidden = state === "playing";
            play.textContent = state === "paused" ? "Verder" : "Lees voor";
            pause.hidden = state !== "playing";
            stop.hidden = state === "stopped";
        }

        function next() {
            if (!playing) { return; }
            if (at >= queue.length) { finish("Klaar met voorlezen."); return; }
            var sentence = queue[at];
            var utterance = new SpeechSynthesisUtterance(sentence.text);
            utterance.lang = voice.lang;
            utterance.voice = voice;
            utterance.rate = parseFloat(select.value) || 1;
            utterance.onstart = function () {
                highlight(sentence.range);
                var box = sentence.range.getBoundingClientRect();
                if (box.top < 0 || box.bottom > window.innerHeight) {
                    sentence.range.startContainer.parentElement.scrollIntoView({ block: "center" });
                }
                status.textContent = "Zin " + (at + 1) + " van " + queue.length + ".";
            };
            utterance.onend = function () { at += 1; next(); };
            utterance.onerror = function () { finish("Voorlezen lukt nu niet."); };
            synth.speak(utterance);
        }

        function finish(message) {
            synth.cancel();
            highlight(null);
            show("stopped");
            at = 0;
            status.textContent = message;
        }

        play.addEventListener("click", function () {
            if (playing && synth.paused) {
                synth.resume();
                show("playing");
                return;
            }
            synth.cancel();
            queue = sentences();
            at = 0;
            show("playing");
            next();
        });
        pause.addEventListener("click", function () {
            synth.pause();
            show("paused");
            status.textContent = "Gepauzeerd.";
            play.focus();
        });
        stop.addEventListener("click", function () {
            finish("Gestopt.");
            play.focus();
        });
        var heading = main.querySelector("h1");
        (heading || main.firstElementChild).insertAdjacentElement(heading ? "afterend" : "beforebegin", control);
        window.addEventListener("pagehide", function () { synth.cancel(); });
    }

    function offer() {
        var voice = dutchVoice();
        if (voice && !control) { build(voice); }
    }
    offer();
    if (!control && synth.addEventListener) {
        synth.addEventListener("voiceschanged", offer);
    }
})();
