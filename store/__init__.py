"""okr-checkin's data: the model, its rules and its storage. Never imports Textual."""
