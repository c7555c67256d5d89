"""Caching, in four small parts (docs/architecture.md, "Caching"):

- `version`: the content version, one number raised by everything that changes public pages;
- `data`: what pages read (menus, the role catalogue, …), kept per content version;
- `pages`: whole anonymous pages, kept per content version (a middleware);
- `visitor_fields`: the form values that must differ per visitor on a cached page.
"""
