"""How easy a Dutch text is to read, from the text alone: `analysis.analyse(text, lists)` with
the sentence and word judgements it builds on (`sentences`, `words`), the thresholds
(`limits`) and the editors' word lists as a value (`word_lists.WordLists`), passed in by the
caller. Nothing here reads a database or knows a page: readability/models.py reads the lists,
readability/page_text.py takes a page's text, readability/verdict.py and report.py judge pages."""
