"""Rate limits (`ratelimit`), client detection (`clients`), the public forms' limit
(`middleware`) and the limited views that stand in front of Wagtail's and Django's own."""
