/*
 * Readability beside every text and rich-text field in the page and snippet editor.
 *
 * As an editor types (and once for every filled field when the editor opens), the field's
 * text goes to our own server (/beheer/leesbaarheid/meten/, readability/text/analysis.py) and the
 * answer shows under the field: the Flesch-Douma score, what it means for B1, what to change
 * (hard words with a plainer word, long and passive sentences, long paragraphs, long stretches
 * without a subheading), and (on request) the text with those sentences and words marked.
 * Nothing goes to a third party.
 */
(() => {
    "use strict";

    const script = document.getElementById("leesbaarheid-script");
    if (!script) return;
    const measureUrl = script.dataset.measureUrl;
    const FIELD = ".w-field--char_field";
    // Citations and credits are quoted as they are; measuring them helps no one.
    const SKIP = /(^|-)(source|attribution|slug|code)$/;
    const WAIT_MS = 500;
    const timers = new WeakMap();
    const lastText = new WeakMap();

    function csrfToken() {
        const input = document.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function editableIn(wrapper) {
        return (
            wrapper.querySelector("[contenteditable=true]") ||
            wrapper.querySelector("textarea, input[type=text]")
        );
    }

    function textOf(element) {
        if (element.isContentEditable) return element.innerText || "";
        return element.value || "";
    }

    function fieldName(wrapper) {
        const input = wrapper.querySelector("textarea, input");
        return input ? input.name || "" : "";
    }

    function wanted(wrapper) {
        return wrapper && !SKIP.test(fieldName(wrapper)) && editableIn(wrapper);
    }

    function outputFor(wrapper) {
        let output = wrapper.querySelector(":scope > .leesbaarheid");
        if (!output) {
            output = document.createElement("div");
            output.className = "leesbaarheid";
            const score = document.createElement("p");
            score.className = "leesbaarheid__score";
            score.setAttribute("aria-live", "polite");
            output.append(score);
            const anchor = wrapper.querySelector(":scope .w-field__input") || editableIn(wrapper);
            anchor.after(output);
        }
        return output;
    }

    function el(tag, className, text) {
        const node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined) node.textContent = text;
        return node;
    }

    function wordsToMark(sentence) {
        // Hard words (with their plainer word) first, then very long words not already hard.
        const marks = sentence.hardWords.map((hard) => ({
            word: hard.word,
            className: "leesbaarheid__moeilijk-woord",
            // No plainer word: the editor can have it explained where it stands instead.
            note: hard.alternative
                ? ` (liever: ${hard.alternative})`
                : " (weinig gebruikt; geen gewoner woord? Leg het uit in de begrippenlijst)",
        }));
        for (const word of sentence.longWords) {
            if (!marks.some((mark) => mark.word === word)) {
                marks.push({ word, className: "leesbaarheid__lang-woord", note: "" });
            }
        }
        return marks;
    }

    function markedSentence(sentence) {
        const flagged = sentence.long || sentence.passive;
        const container = flagged ? el("mark", "leesbaarheid__lange-zin") : el("span");
        if (sentence.passive) container.classList.add("leesbaarheid__lijdend");
        let rest = sentence.text;
        const marks = wordsToMark(sentence)
            .map((mark) => ({ ...mark, at: rest.indexOf(mark.word) }))
            .filter((mark) => mark.at >= 0)
            .sort((a, b) => a.at - b.at);
        let done = 0;
        for (const mark of marks) {
            if (mark.at < done) continue;
            container.append(document.createTextNode(rest.slice(done, mark.at)));
            container.append(el("span", mark.className, mark.word));
            if (mark.note) container.append(el("span", "leesbaarheid__alternatief", mark.note));
            done = mark.at + mark.word.length;
        }
        container.append(document.createTextNode(rest.slice(done)));
        const why = [];
        if (sentence.long) why.push(`lange zin: ${sentence.words} woorden`);
        if (sentence.passive) why.push("lijdende zin");
        if (sentence.sameOpening) why.push("weer hetzelfde eerste woord");
        if (why.length) container.append(el("span", "leesbaarheid__waarom", ` (${why.join("; ")})`));
        return container;
    }

    function show(wrapper, result) {
        if (result.score === null && !result.longWords.length && !result.hardWords.length) {
            // A title or a few words: no score to give and nothing to point at.
            const old = wrapper.querySelector(":scope > .leesbaarheid");
            if (old) old.remove();
            return;
        }
        const output = outputFor(wrapper);
        const score = output.querySelector(".leesbaarheid__score");
        output.querySelectorAll(":scope > :not(.leesbaarheid__score)").forEach((n) => n.remove());
        output.dataset.b1 = result.b1 === null ? "kort" : result.b1 ? "ja" : "nee";
        if (result.score === null) {
            score.textContent = `Leesbaarheid: ${result.level}.`;
        } else {
            score.textContent =
                `Leesbaarheid (Flesch-Douma): ${result.scoreText}, ${result.level}.` +
                (result.b1 ? "" : ` B1 begint bij ${result.limits.b1}.`);
        }
        const notes = [...result.advice];
        if (result.hardWords.length) {
            notes[0] =
                "Moeilijke woorden: " +
                result.hardWords
                    .map((hard) => (hard.alternative ? `${hard.word} (liever: ${hard.alternative})` : hard.word))
                    .join(", ") +
                ".";
        }
        const longOnly = result.longWords.filter(
            (word) => !result.hardWords.some((hard) => hard.word === word),
        );
        if (longOnly.length) notes.push(`Lange woorden: ${longOnly.join(", ")}.`);
        if (notes.length) {
            const list = el("ul", "leesbaarheid__notes");
            for (const note of notes) list.append(el("li", "", note));
            output.append(list);
            const details = el("details", "leesbaarheid__details");
            details.append(el("summary", "", "Toon waar het moeilijk is"));
            const text = el("div", "leesbaarheid__text");
            result.sentences.forEach((sentence, index) => {
                if (index) {
                    const newParagraph = sentence.paragraph !== result.sentences[index - 1].paragraph;
                    text.append(newParagraph ? el("br") : document.createTextNode(" "));
                }
                text.append(markedSentence(sentence));
            });
            details.append(text);
            output.append(details);
        }
    }

    async function measure(wrapper) {
        const editable = editableIn(wrapper);
        if (!editable) return;
        const text = textOf(editable).trim();
        if (lastText.get(wrapper) === text) return;
        lastText.set(wrapper, text);
        if (!text) {
            const output = wrapper.querySelector(":scope > .leesbaarheid");
            if (output) output.remove();
            return;
        }
        const body = new FormData();
        body.append("text", text);
        try {
            const response = await fetch(measureUrl, {
                method: "POST",
                body,
                headers: { "X-CSRFToken": csrfToken() },
                credentials: "same-origin",
            });
            const result = await response.json();
            if (lastText.get(wrapper) !== text) return; // typed on meanwhile
            if (!response.ok) {
                outputFor(wrapper).querySelector(".leesbaarheid__score").textContent =
                    result.error || "De leesbaarheid kon niet worden gemeten.";
                return;
            }
            show(wrapper, result);
        } catch {
            outputFor(wrapper).querySelector(".leesbaarheid__score").textContent =
                "De leesbaarheid kon niet worden gemeten.";
        }
    }

    function later(wrapper) {
        clearTimeout(timers.get(wrapper));
        timers.set(
            wrapper,
            setTimeout(() => measure(wrapper), WAIT_MS),
        );
    }

    function onEdit(event) {
        const wrapper = event.target.closest && event.target.closest(FIELD);
        if (wanted(wrapper)) later(wrapper);
    }

    document.addEventListener("input", onEdit);
    document.addEventListener("focusin", onEdit);

    async function measureAll() {
        for (const wrapper of document.querySelectorAll(FIELD)) {
            if (wanted(wrapper) && textOf(editableIn(wrapper)).trim()) {
                await measure(wrapper);
            }
        }
    }

    // Wagtail's Checks panel: the page's verdict, as the server computed it on the preview
    // (readability/checks.py puts it in the preview's <main>, which the panel extracts).
    function showVerdict(event) {
        const html = event.detail && event.detail.content && event.detail.content.innerHTML;
        const score = document.querySelector("[data-leesbaarheid-score]");
        if (!score || typeof html !== "string") return;
        const holder = document.createElement("template");
        holder.innerHTML = html;
        const note = holder.content.getElementById("leesbaarheid-oordeel");
        const reason = document.querySelector("[data-leesbaarheid-reden]");
        const advice = document.querySelector("[data-leesbaarheid-advies]");
        if (!note) {
            score.textContent = "-";
            return;
        }
        let verdict;
        try {
            verdict = JSON.parse(note.dataset.oordeel);
        } catch {
            return;
        }
        score.textContent =
            verdict.b1 === null ? "te kort om te meten" : `${verdict.score}, ${verdict.level}`;
        const words = document.querySelector("[data-leesbaarheid-woorden]");
        if (words && typeof verdict.words === "number") words.textContent = String(verdict.words);
        if (reason) reason.textContent = verdict.reason;
        if (advice) advice.replaceChildren(...verdict.advice.map((line) => el("li", "", line)));
    }
    document.addEventListener("w-preview:content", showVerdict);

    // Draftail and StreamField build their fields after load.
    if (document.readyState === "complete") {
        setTimeout(measureAll, 300);
    } else {
        window.addEventListener("load", () => setTimeout(measureAll, 300));
    }
})();
