# B: run from its src, without top-level await (async="false"); the
# globals are those of the scripts of its type before it.
order.append("B")
document.getElementById(current_target()).textContent = "B wrote " + current_target()
