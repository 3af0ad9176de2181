"""Running the registry as a service: health and readiness, the empty-store check, backup and restore."""

from isrp_graph.service import texts as _texts  # noqa: F401  (registers the service.* messages)
from isrp_graph.service.backup import BackupError, Manifest, read_backup, restore_backup, write_backup
from isrp_graph.service.health import Readiness, is_empty, readiness

__all__ = [
    "BackupError",
    "Manifest",
    "Readiness",
    "is_empty",
    "read_backup",
    "readiness",
    "restore_backup",
    "write_backup",
]
