"""Word modules: each defines ``WORDS = {key: (english, chinese)}``; see tui.i18n."""
