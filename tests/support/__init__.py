"""What the tests (and `make bench`) share: `servers` starts gunicorn and runs management
commands the way every test and benchmark does; `pages` reads a response as a visitor reads
the page."""
