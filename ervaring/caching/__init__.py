"""Caching, in one seam: a page type declares the query parameters it reads
(`BasePage.query_params`) and what it shows from elsewhere (`BasePage.shown_from_elsewhere`);
these modules do the rest (docs/architecture.md, "Caching"):

- `release`: which code renders the pages;
- `version`: the content version, the release and the latest change;
- `invalidation`: what replaces the change;
- `memory`: each process's own copies, bounded in bytes and time;
- `data`: what pages read, kept per content version;
- `pages`: whether a response may be shared, its HTTP caching, and the anonymous page cache;
- `backends`: Redis that fails or hangs, behind a circuit breaker;
- `checks`: production refuses a cache of one process.
"""
