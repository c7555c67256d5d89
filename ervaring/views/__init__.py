"""The project's own views, one job per module: `search`, `accounts` (log in and out), `site`
(robots.txt, favicon, health), `errors` (a refused form, a server error) and `limited`
(Wagtail's password views with a limit in front). Query-parameter helpers that pages use too
are in ervaring/query_params.py."""
