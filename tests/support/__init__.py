"""What the tests (and `make bench`) share; test modules never import from each other.
`servers` starts gunicorn and runs management commands the way every test and benchmark does;
`pages` reads a response as a visitor reads the page (checking its status first); `content`
names the pages of the real content many tests read; `budgets` the SQL a page may cost;
`factories`, `users`, `comments`, `files` and `texts` make what a test needs; `browser` judges
a page with axe-core and logs in; `guards` keeps a loop from passing over nothing."""
