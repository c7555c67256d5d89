"""Dutch texts the readability tests measure: one plainly at B1, one far above it (a sentence
from a source)."""

EASY = "Ik heb zelf iets meegemaakt. Daar wil ik iets mee doen. Ik praat met anderen. Dat is fijn."
HARD = (
    "De beïnvloeding van beleid kan zowel gaan om beleid van de overheid, als van instellingen, "
    "waarbij professionals en bestuurders ervaringskennis kunnen inzetten om hulp en "
    "ondersteuning te bieden die beter aansluit bij de behoeften en noden van mensen met een "
    "beperking of aandoening."
)
