"""What docs/architecture.md promises a warm public page costs in SQL queries, with ten or a
hundred times the content: the query budgets pin these numbers, not a ceiling above them."""

# Wagtail's site lookup, and the page the address leads to (what each level of the tree routes
# to and what the page shows from elsewhere are kept per content version).
PAGE_QUERIES = 2
# The search page: the site lookup alone (a page of results is kept per content version).
SEARCH_QUERIES = 1
