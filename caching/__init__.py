"""The cache seam: `declaration` (what a view's answer depends on) apart from `middleware`
(serving shared answers), the content version and the data kept per version."""
