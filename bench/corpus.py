"""What bench/run and bench/rollup share: making the shared generator's corpus one caitien accepts."""
import json, os, subprocess, sys


def drop_refused_requests(caitien, content, today, tool):
    """The shared generator predates some of caitien's rules (a follow-up opened before the
    verification that asked for it, a review dated after its own today): records that caitien
    refuses are left out, as a ward would fix them before publishing (a few per thousand), and a
    review decision naming a request left out keeps no request."""
    for _ in range(10):
        r = subprocess.run([caitien, "check", "--content", content, "--format", "json", "--today", today],
                           capture_output=True, text=True)
        errors = [d for d in json.loads(r.stdout or "[]") if d["severity"] == "error"]
        if not errors:
            return
        for d in errors:
            path = d["path"] if os.path.isabs(d["path"]) else os.path.join(os.getcwd(), d["path"])
            if not os.path.exists(path) or path.endswith("site.yml"):
                if path.endswith("site.yml"):
                    sys.exit(f"{tool}: the generated site.yml is refused: {d}")
            elif "/reviews/" in path and d["rule"] == "unknown-request":
                # A review decision naming a request left out: the decision keeps no request.
                with open(path) as f:
                    lines = f.read().split("\n")
                del lines[d["line"] - 1 + [i for i, l in enumerate(lines[d["line"] - 1:]) if l.strip().startswith("ticket:")][0]]
                with open(path, "w") as f:
                    f.write("\n".join(lines))
            else:
                os.remove(path)
    sys.exit(f"{tool}: {content} still has errors after dropping the refused requests")

