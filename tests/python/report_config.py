# A worker that offers main its config (C11, C12).
import json
from pyscript import config, sync

sync.config = lambda: json.dumps(config)
