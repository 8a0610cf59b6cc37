"""okr-checkin's app shell: the CLI, the Textual app, words and text rendering."""
