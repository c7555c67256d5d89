"""The page foundation every feature app builds on (docs/architecture.md). It imports no
feature app: the home page names the sections it shows by app label."""
