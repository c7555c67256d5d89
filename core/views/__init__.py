"""The site-wide views, one job per module: `search`, `accounts` (log in and out), `site`
(robots.txt, favicon, health, the overview of all pages) and `errors` (a refused form, a server
error). The limited password views are in limits/views.py; query-parameter helpers that pages
use too are in core/query_params.py."""
