"""What an operator runs: `load_content` (loader.py, models.LoadedContent), `backup` and
`restore` (backups.py), the groups and their permissions (groups.py), `configure_site` and
`create_demo_accounts`."""
