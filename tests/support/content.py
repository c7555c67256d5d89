"""Pages of the site's real content (fixtures/) that many tests read, each named once."""

# The Movisie article: its source has no comments, so every comment on it is a test's.
OPMARS = "inzet-ervaringsdeskundigen-sociaal-werk-in-opmars"
OPMARS_URL = f"/artikelen/{OPMARS}/"
# Wilma Boevink's article, with the readers' comments from its source.
PARADOX = "hoed-u-voor-de-professionaliseringsparadox"
PARADOX_URL = f"/artikelen/{PARADOX}/"
