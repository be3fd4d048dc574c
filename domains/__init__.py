"""The domains of the Intranet, one package each, Qt-free.

Each domain package holds its collection specs (``collections``), its queries
(``queries``: what its tab reads) and its commands (``commands``: the local writes
a tab makes through ``writes.apply``). A domain sits below ``ui/`` and above the cache
core (``cache``: database, migrations, store, outbox, vault); it never imports
``client`` (the network) or Qt. A newcomer finds a domain by its name:

- ``directory``: the staff directory (people, departments)
- ``documents``: folders, documents and shares between colleagues
- ``bookings``: meeting rooms and their bookings
- ``registries``: the medical registries and their rows
- ``indicators``: the public-health indicators, their regions and values
"""
