"""Rules that read actors, decisions and actions out of minutes: text in, records out."""
