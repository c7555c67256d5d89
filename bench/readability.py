"""Measuring a long page (issue 18.7): the readability analysis of a 5,000-word Dutch text,
as the report, the Checks panel and the publishing gate run it. Target: at most 50 ms per
measurement on our server, the word lists loaded once per process.

The text is the five source texts of the site (fixtures/sources/), one after another, cut at
5,000 words: real Dutch with long sentences, jargon and names. Run by `make bench` after the
content is loaded (`python -m bench.readability` on its own, with any settings whose database
has the word lists); prints its result and adds it to bench/results/latest.json and latest.md."""

import statistics
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "fixtures" / "sources"
WORDS = 5_000
RUNS = 30
TARGET_MS = 50


def long_text(words=WORDS):
    """`words` words of the sources, their paragraphs kept."""
    paragraphs, count = [], 0
    while count < words:
        for path in sorted(SOURCES.glob("0*.txt")):
            for paragraph in path.read_text().split("\n"):
                kept = paragraph.split()[: words - count]
                if kept:
                    paragraphs.append(" ".join(kept))
                    count += len(kept)
                if count >= words:
                    return "\n".join(paragraphs)
    return "\n".join(paragraphs)


def measure(text=None, runs=RUNS):
    """Milliseconds: loading the word lists (once per process), the first analysis of the text
    (the per-word judgements not kept yet), and the median and slowest of `runs` more."""
    from readability import models as lists
    from readability.text.analysis import analyse
    from readability.text.words import zipf

    text = text or long_text()
    started = time.perf_counter()
    word_lists = lists.word_lists()
    zipf("werk")  # wordfreq's Dutch list
    load = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    analysis = analyse(text, lists.word_lists())
    first = (time.perf_counter() - started) * 1000
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        analyse(text, lists.word_lists())
        timings.append((time.perf_counter() - started) * 1000)
    assert word_lists is lists.word_lists()  # read once, not per analysis
    return {
        "words": analysis.words,
        "load_ms": round(load, 1),
        "first_ms": round(first, 1),
        "median_ms": round(statistics.median(timings), 1),
        "slowest_ms": round(max(timings), 1),
        "target_ms": TARGET_MS,
    }


def dutch(number, decimals=1):
    """1234.5 -> "1.234,5": numbers as a Dutch reader writes them."""
    return f"{number:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def main():
    django.setup()
    from bench.bench import add_to_latest

    result = measure()
    line = (
        f"Leesbaarheid van een pagina van {dutch(result['words'], 0)} woorden: "
        f"{dutch(result['median_ms'])} ms (mediaan van {RUNS}, langzaamste "
        f"{dutch(result['slowest_ms'])} ms; doel ≤ {TARGET_MS} ms); de eerste keer in een "
        f"proces {dutch(result['first_ms'])} ms, na {dutch(result['load_ms'], 0)} ms voor het "
        "laden van de woordenlijsten"
    )
    add_to_latest("readability", result, line)


if __name__ == "__main__":
    main()
