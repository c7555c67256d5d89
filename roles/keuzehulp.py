"""The keuzehulp "Welke rol past bij mij?": four short questions, a ranked list of roles, and
for each role two or three short reasons, in "je"-form, that say why it fits."""

import logging
from dataclasses import dataclass, field

from django import forms

from roles.catalogue import TERM_FACETS

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


# Three sizes, so that someone who can work about 8 hours a week (for pay, next to a benefit)
# finds hers (issue 32): the middle one wants nothing of a role the others do not.
HOURS_CHOICES = [
    ("weinig", "Een paar uur per week (tot ongeveer 8 uur)"),
    ("deeltijd", "Een deel van de week (ongeveer 8 tot 24 uur)"),
    ("meer", "Meer uren, bijvoorbeeld een hele baan"),
    ("weet-niet", "Dat weet ik nog niet"),
]
PAY_CHOICES = [
    ("betaald", "Betaald werk"),
    ("vrijwillig", "Vrijwilligerswerk"),
    ("zzp", "Voor mezelf, als zelfstandige (zzp)"),
    ("maakt-niet-uit", "Dat maakt me niet uit"),
]
# One short reason per wish, in "je"-form, said only of a role whose type fits the wish; a role
# that fits only by its work area says that instead (issue 38: "Je doet mee aan onderzoek" stood
# under Kwartiermaker, which is in the work area "Onderzoek en innovatie" but is no research).
WISH_REASONS = {
    "helpen": "Je helpt en steunt mensen.",
    "beleid": "Je praat mee over beleid en komt op voor anderen.",
    "vertellen": "Je geeft les, geeft voorlichting of vertelt je verhaal.",
    "onderzoek": "Je doet mee aan onderzoek.",
    "vernieuwen": "Je bedenkt iets nieuws en zet het op.",
    "werk-en-geld": "Je helpt mensen met werk of met geld.",
}

MAX_RESULTS = 10
# The submit button's own name: pressing it with nothing chosen still answers the form, so the
# visitor sees what is missing instead of the blank form again.
SENT = "verstuurd"


class KeuzehulpForm(forms.Form):
    """The four questions. All must be answered; the wishes may be more than one."""

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
        label="3. Hoeveel uur per week wil je werken?",
        choices=HOURS_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoeveel uur je wilt werken."},
    )
    geld = forms.ChoiceField(
        label="4. Wil je betaald worden?",
        help_text="Heb je een uitkering? Dan mag je maar beperkt bijverdienen, ook als "
        "vrijwilliger. Wat dat voor jou betekent, vraag je aan wie je uitkering betaalt: de "
        "gemeente of het UWV.",
        choices=PAY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies of je betaald wilt worden."},
    )

    def answer(self, catalogue):
        """What the answers lead to (an Answer): the roles that fit, best first; when none
        fits every wish, what stands in the way and what comes closest."""
        missing = missing_codes(catalogue)
        if missing:
            # Loud, not silent: a role that fits would be left out without anyone noticing.
            logger.error("De keuzehulp mist termen met deze codes: %s", missing)
        data = self.cleaned_data
        level, wishes, hours, pay = int(data["niveau"]), data["wil"], data["uren"], data["geld"]
        wanted_form = PAY_FORMS.get(pay)
        fitting, other_pay = [], []
        for role in catalogue.roles:
            score, reasons = score_role(role, level, wishes, hours, pay, catalogue)
            if score is None:
                continue
            # Closer to where you are first, then alphabetical.
            distance = min((abs(step - level) for step in role.steps), default=9)
            forms = catalogue.codes_of(role, "forms")
            row = (-score, distance, role.title, role, reasons, pay_in_words(forms, role))
            # Pay is a hard wish: a role without the pay asked for is never among the results.
            (fitting if not wanted_form or wanted_form in forms else other_pay).append(row)
        fitting.sort(key=lambda row: row[:3])
        other_pay.sort(key=lambda row: row[:3])
        results = [Result(*row[3:]) for row in fitting[:MAX_RESULTS]]
        answer = Answer(results=results, notes=contradictions(hours, pay))
        wish_names = [dict(WISH_CHOICES)[wish].lower() for wish in wishes]
        if not results:
            answer.blocked_by = (
                f"Geen enkele {PAY_ROLE[pay]} past bij wat je wilt doen "
                f"({' of '.join(wish_names)})."
                if other_pay
                else f"Geen enkele rol past bij wat je wilt doen ({' of '.join(wish_names)})."
            )
            answer.closest = [
                Result(role, [not_paid_as_asked(pay), *reasons[:2]], words)
                for _, _, _, role, reasons, words in other_pay[:CLOSEST]
            ]
        elif hours == "weinig" and not any(result.role.few_hours for result in results):
            answer.notes.append(
                f"Geen enkele {PAY_ROLE.get(pay, 'rol')} die bij je past, staat in de bronnen als "
                "kortdurend werk (een paar uur per week)."
            )
            if wanted_form == PAID:
                answer.notes.append(
                    "Volgens Jim van Os (PsychoseNet) zijn betaalde functies vaak in deeltijd. "
                    "Kun je een deel van de week werken? Kies dat dan bij vraag 3."
                )
        return answer


@dataclass
class Result:
    role: object
    reasons: list
    pay: str  # paid, volunteer or zzp, in words


@dataclass
class Answer:
    results: list
    notes: list = field(default_factory=list)  # answers that pull two ways, in one sentence
    blocked_by: str = ""  # when no role fits every wish: which wish
    closest: list = field(default_factory=list)  # then: what comes closest, and why not all

    @property
    def roles(self):
        return [result.role for result in self.results or self.closest]


CLOSEST = 5
PAY_FORMS = {"betaald": PAID, "vrijwillig": VOLUNTEER, "zzp": SELF_EMPLOYED}
PAY_ROLE = {
    "betaald": "betaalde rol",
    "vrijwillig": "rol voor vrijwilligers",
    "zzp": "rol voor zelfstandigen",
}


def not_paid_as_asked(pay):
    return {
        "betaald": "Dit is geen betaald werk.",
        "vrijwillig": "Dit is geen vrijwilligerswerk.",
        "zzp": "Dit doe je niet als zelfstandige.",
    }[pay]


def contradictions(hours, pay):
    """One plain sentence for answers that pull two ways."""
    if hours in ("meer", "deeltijd") and pay == "vrijwillig":
        return [
            "Je wilt veel uren werken, als vrijwilliger. Daar krijg je geen loon voor, "
            "hooguit een vrijwilligersvergoeding. Wil je ervan kunnen leven? Kies dan bij "
            "vraag 4 ‘Betaald werk’."
        ]
    return []


def pay_in_words(codes, role=None):
    """What a role's employment forms say about pay ("" when they say nothing), marked as the
    editors' reading where the source does not say it of this role."""
    parts = [
        word
        for code, word in ((PAID, "betaald"), (VOLUNTEER, "vrijwillig"), (SELF_EMPLOYED, "zzp"))
        if code in codes
    ]
    if not parts:
        return "Betaald of vrijwillig: dat heeft de redactie nog niet ingevuld"
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " of " + parts[-1]
    text = text[0].upper() + text[1:]
    if role is not None and not role.forms_from_source:
        text += " (inschatting van de redactie)"
    return text


# What a role offers of the pay asked for: where its source says so, and where it is the
# editors' reading.
SOURCE_PAY = {
    PAID: "Er zijn betaalde banen in dit werk.",
    VOLUNTEER: "Je kunt het als vrijwilliger doen.",
    SELF_EMPLOYED: "Je kunt het als zelfstandige doen.",
}
EDITORS_PAY = {
    PAID: "De redactie schat in dat er betaalde banen in dit werk zijn.",
    VOLUNTEER: "De redactie schat in dat je het als vrijwilliger kunt doen.",
    SELF_EMPLOYED: "De redactie schat in dat je het als zelfstandige kunt doen.",
}


def wish_reason(wish, codes, catalogue):
    """Why a role fits `wish`: what you do, when its type fits; otherwise the work area it is
    in, by name (true of every role in that area)."""
    match = WISH_MATCHES[wish]
    if not match["types"] or codes["types"] & match["types"]:
        return WISH_REASONS[wish]
    names = [
        term.name
        for term in catalogue.terms.get("areas", [])
        if term.code in codes["areas"] & match["areas"]
    ]
    if not names:
        return WISH_REASONS[wish]
    return f"Het hoort bij het werkveld ‘{names[0]}’."


def score_role(role, level, wishes, hours, pay, catalogue):
    """How well a role fits the answers, and the reasons: short sentences, the most important
    first (the step, what you want to do, then hours and pay)."""
    codes = {facet.attr: catalogue.codes_of(role, facet.attr) for facet in TERM_FACETS}
    matched = [
        wish
        for wish in wishes
        if any(codes[kind] & wanted for kind, wanted in WISH_MATCHES[wish].items())
    ]
    if not matched:
        return None, []
    score = 3 * len(matched)

    if level in role.steps:
        score += 4
        step = catalogue.steps_by_number.get(level)
        name = f" ({step.name.lower()})" if step else ""
        reasons = [f"Het past bij stap {level}{name}. Daar ben je nu."]
    elif level + 1 in role.steps:
        score += 2
        reasons = [f"Het staat een stap hoger op de ladder: stap {level + 1}."]
    elif role.top_step and role.top_step < level:
        score += 1
        reasons = ["Het vraagt minder ervaring dan je al hebt."]
    else:
        score -= 3
        reasons = [f"Het staat hoger op de ladder: stap {role.bottom_step}."]
    # A wish the role's own type fits says most about it ("Je bedenkt iets nieuws" before
    # "Het hoort bij het werkveld …").
    by_type = [wish for wish in matched if codes["types"] & WISH_MATCHES[wish]["types"]]
    reasons.append(wish_reason((by_type or matched)[0], codes, catalogue))

    fits = []
    wanted_form = PAY_FORMS.get(pay)
    if wanted_form and wanted_form in codes["forms"]:
        fits.append((SOURCE_PAY if role.forms_from_source else EDITORS_PAY)[wanted_form])
    if hours == "weinig":
        if role.few_hours:
            score += 3
            fits.append("Het kan ook met weinig uren.")
        else:
            score -= 2
            fits.append("Of het met een paar uur kan, staat niet in de bronnen.")
    elif hours == "deeltijd" and role.few_hours:
        score += 1
        fits.append("Het kan ook met weinig uren.")
    if fits:
        reasons.append(" ".join(fits))
    return score, reasons


# The query parameters of the keuzehulp: its four questions and its button.
QUERY_PARAMS = (*KeuzehulpForm.base_fields, SENT)
