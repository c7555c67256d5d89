"""Every threshold of the writing help, in one place. docs/readability.md gives each one's
source; change them here and the field, the Checks panel, the report and the publishing gate
all follow."""

# Flesch-Douma score at or above which a text reads at B1 (Dutch plain-language guides; Douma
# 1960). Scores run from about 120 (very easy) down to far below 0 (very hard).
B1_MIN_SCORE = 60
# Too few words for a score to mean anything.
MIN_WORDS_FOR_SCORE = 10

# A long sentence: more than this many words (Yoast's Dutch check, Direct Duidelijk: "zinnen
# van hoogstens 15 tot 20 woorden").
LONG_SENTENCE_WORDS = 20
# At most this share of a text's sentences may be long (Yoast: 25 %).
LONG_SENTENCES_MAX_SHARE = 0.25
# At most this share of sentences may be passive (Yoast's Dutch check: 10 %).
PASSIVE_MAX_SHARE = 0.10
# The shares above are said only for a text of at least this many sentences: in a field of
# two sentences, one long sentence is "50%", which tells the editor nothing.
MIN_SENTENCES_FOR_SHARE = 5
# A paragraph of more than this many words is too long (Yoast: 150).
LONG_PARAGRAPH_WORDS = 150
# More than this many words without a subheading (Yoast: 300).
SECTION_WORDS = 300
# This many sentences in a row that open with the same word (Yoast: 3).
SAME_OPENING_RUN = 3

# A rare word: below this on the Zipf scale of wordfreq's Dutch list (log10 of uses per
# billion words; 3.0 is one use in a million words). A line of 3.5 marked everyday words
# (komma, loket, pleister, mantelzorg); docs/readability.md.
RARE_ZIPF = 3.0
# A compound of two common words (zorg + instelling) is not rare: each part at least this.
COMPOUND_PART_ZIPF = 3.5
# Words shorter than this are never judged rare (ggz, zzp, short names).
MIN_LETTERS_FOR_RARE = 4

# Very long words: this many syllables or letters.
LONG_WORD_SYLLABLES = 6
LONG_WORD_LETTERS = 18

# The longest text the tool measures at once (a long article is about 30,000 characters).
MAX_TEXT_LENGTH = 50_000

# Per process, the judgements of this many different words are kept (syllables, participles,
# frequencies): measuring a long page then takes a few milliseconds (docs/benchmark.md).
WORD_CACHE = 50_000
