"""The project package: settings, URLs and the servers' entry points. No app, no models:
those are core/, caching/, limits/, operations/ and the feature apps (docs/architecture.md)."""
