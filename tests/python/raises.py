# A worker whose script raises: its ready must reject with the traceback.
raise ValueError("the worker's Python failed")
