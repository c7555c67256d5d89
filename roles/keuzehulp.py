"""The keuzehulp "Welke rol past bij mij?": three short questions, a ranked list of roles, and
for each role one sentence that says why it fits."""

import logging

from django import forms

from roles.catalogue import TERM_FACETS, get_catalogue

logger = logging.getLogger("ervaring")

LEVEL_CHOICES = [
    ("1", "Ik heb zelf iets meegemaakt en wil daar iets mee doen."),
    ("2", "Ik heb over mijn ervaring nagedacht en praat erover met anderen."),
    ("3", "Ik bundel ervaringen van anderen en kom op voor een groep."),
    ("4", "Ik heb een opleiding of veel werkervaring als ervaringsdeskundige."),
]

# What a visitor wants to do -> the role types and work areas that fit it, by their fixed code
# (Term.code, set by the content loader; an editor can rename a term or its slug freely).
WISH_CHOICES = [
    ("helpen", "Mensen helpen en steunen"),
    ("beleid", "Meepraten over beleid en opkomen voor anderen"),
    ("vertellen", "Lesgeven, voorlichten of mijn verhaal vertellen"),
    ("onderzoek", "Meedoen aan onderzoek"),
    ("vernieuwen", "Iets nieuws bedenken en opzetten"),
    ("werk-en-geld", "Mensen helpen met werk of geldzaken"),
]
WISH_MATCHES = {
    "helpen": {"types": {"hulpverlener"}, "areas": {"zorg"}},
    "beleid": {"types": {"beinvloeder"}, "areas": {"beleid"}},
    "vertellen": {"types": {"leraar"}, "areas": {"voorlichting"}},
    "onderzoek": {"types": {"onderzoeker"}, "areas": {"onderzoek"}},
    "vernieuwen": {"types": {"innovator"}, "areas": set()},
    "werk-en-geld": {"types": set(), "areas": {"werk-en-inkomen"}},
}
WISH_PHRASES = dict(WISH_CHOICES)
# The employment forms the hours question asks about, by code.
PAID, VOLUNTEER, SELF_EMPLOYED = "betaald", "vrijwillig", "zzp"


def codes_used():
    """{kind: codes} of every term the keuzehulp relies on (tests check that all exist)."""
    used = {facet.attr: set() for facet in TERM_FACETS}
    used["forms"] |= {PAID, VOLUNTEER, SELF_EMPLOYED}
    for match in WISH_MATCHES.values():
        for kind, codes in match.items():
            used[kind] |= codes
    return used


def missing_codes(catalogue):
    """Codes the keuzehulp needs that no term has (a deleted term): [(kind, code)]."""
    return sorted(
        (kind, code)
        for kind, codes in codes_used().items()
        for code in codes - catalogue.known_codes(kind)
    )


HOURS_CHOICES = [
    ("weinig", "Een paar uur per week, als vrijwilliger"),
    ("baan", "Een baan met salaris"),
    ("zzp", "Voor mezelf, als zelfstandige (zzp)"),
    ("weet-niet", "Dat weet ik nog niet"),
]

MAX_RESULTS = 10


class KeuzehulpForm(forms.Form):
    """The three questions. All three must be answered; the wishes may be more than one."""

    niveau = forms.ChoiceField(
        label="1. Hoe ver ben je met je ervaring?",
        choices=LEVEL_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies wat het best bij je past."},
    )
    wil = forms.MultipleChoiceField(
        label="2. Wat wil je doen?",
        help_text="Je mag meer dan één ding kiezen.",
        choices=WISH_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies minstens één ding dat je wilt doen.",
            "invalid_choice": "Kies uit de lijst.",
        },
    )
    uren = forms.ChoiceField(
        label="3. Hoeveel kun en wil je werken?",
        choices=HOURS_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoeveel je kunt en wilt werken."},
    )

    def ranked_roles(self):
        """[(role, reason)] best first, at most MAX_RESULTS."""
        catalogue = get_catalogue()
        missing = missing_codes(catalogue)
        if missing:
            # Loud, not silent: a role that fits would be left out without anyone noticing.
            logger.error("De keuzehulp mist termen met deze codes: %s", missing)
        level = int(self.cleaned_data["niveau"])
        wishes = self.cleaned_data["wil"]
        hours = self.cleaned_data["uren"]
        scored = []
        for role in catalogue.roles:
            score, reasons = score_role(role, level, wishes, hours, catalogue)
            if score > 0:
                # Closer to where you are first, then alphabetical.
                distance = min((abs(step - level) for step in role.steps), default=9)
                scored.append((-score, distance, role.title, role, reasons))
        scored.sort(key=lambda item: item[:3])
        return [(role, sentence(reasons)) for _, _, _, role, reasons in scored[:MAX_RESULTS]]


def score_role(role, level, wishes, hours, catalogue):
    """How well a role fits the answers, and the reasons in words."""
    score = 0
    reasons = []

    codes = {facet.attr: catalogue.codes_of(role, facet.attr) for facet in TERM_FACETS}
    matched = [
        wish
        for wish in wishes
        if any(codes[kind] & wanted for kind, wanted in WISH_MATCHES[wish].items())
    ]
    if not matched:
        return 0, []
    score += 3 * len(matched)
    reasons.append("het gaat om " + " en ".join(WISH_PHRASES[w].lower() for w in matched[:2]))

    if level in role.steps:
        score += 4
        step = catalogue.steps_by_number.get(level)
        reasons.insert(
            0, f"het past bij stap {level}{f' ({step.name})' if step else ''}, waar je nu bent"
        )
    elif level + 1 in role.steps:
        score += 2
        reasons.insert(0, f"het is een volgende stap: stap {level + 1}")
    elif role.top_step and role.top_step < level:
        score += 1
        reasons.insert(0, "het vraagt minder ervaring dan je al hebt")
    else:
        score -= 3
        reasons.insert(0, f"het is een doel voor later: het vraagt stap {role.bottom_step}")

    if hours == "weinig":
        if role.few_hours:
            score += 3
            reasons.append("het kan ook met weinig uren")
        elif VOLUNTEER in codes["forms"]:
            score += 1
            reasons.append("je kunt het als vrijwilliger doen")
        else:
            score -= 2
    elif hours == "baan":
        if PAID in codes["forms"]:
            score += 2
            reasons.append("er zijn betaalde banen in")
        else:
            score -= 2
    elif hours == "zzp":
        if SELF_EMPLOYED in codes["forms"]:
            score += 2
            reasons.append("je kunt het als zelfstandige doen")
        else:
            score -= 1
    return score, reasons


def sentence(reasons):
    """['a', 'b', 'c'] -> 'Past bij je: a, b en c.'"""
    if not reasons:
        return ""
    text = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + " en " + reasons[-1]
    return text[0].upper() + text[1:] + "."


# The query parameters of the keuzehulp: its three questions.
QUERY_PARAMS = tuple(KeuzehulpForm.base_fields)
