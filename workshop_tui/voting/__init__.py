"""Voting from phones: a small web server inside the app that the room joins by QR code.

The pieces are kept apart so that the rules can be tested without a network or a
screen: ``desk`` decides what a join or a vote may do (pure), ``roll`` remembers
which device token is which anonymous participant, ``limits`` refuses floods,
``page`` is the participant page, ``qr`` draws the join link for a terminal, and
``server`` (the only module that imports aiohttp) serves it all on the app's own
event loop. Nothing here imports textual; ``workshop_tui.tui.voting_link`` is the glue.
Importing this package loads none of its modules, so the app starts no faster or
slower for it until the facilitator opens voting.
"""
