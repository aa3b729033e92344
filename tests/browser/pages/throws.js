// A worker script that throws while it is imported.
throw new RangeError("this worker script is broken");
