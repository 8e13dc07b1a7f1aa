// Re-checks a shared receipt in the browser, trusting nothing the server claims:
//   hash      - SHA-256 of the embedded canonical payload bytes equals the hash shown;
//   payload   - those bytes parse, and every value shown from them (receipt id,
//               org_seq, parent hash, verdict, approval, ...) matches;
//   signature - the signed note states this receipt's organisation, position and
//               hash, and verifies (Ed25519) under a key from /.well-known/defendable-keys;
//   checkpoint - the log's signed checkpoint states its size and root, under such a key;
//   inclusion - the receipt's leaf, at its org_seq, leads to that root (RFC 9162).
// Each check's element gets data-ok="true" | "false" | "unchecked".
(function () {
  "use strict";

  var DASH = "\u2014";

  function byId(id) {
    return document.getElementById(id);
  }

  function shown(id) {
    var el = byId(id);
    return el ? el.textContent : "";
  }

  function report(name, ok, text) {
    var el = document.querySelector('[data-check="' + name + '"]');
    if (!el) return;
    el.setAttribute("data-ok", ok);
    el.querySelector(".result").textContent = text;
  }

  function fromBase64(text) {
    var bin = atob(text);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function toHex(bytes) {
    return Array.from(bytes, function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  function concat(parts) {
    var size = parts.reduce(function (n, p) {
      return n + p.length;
    }, 0);
    var out = new Uint8Array(size);
    var at = 0;
    parts.forEach(function (p) {
      out.set(p, at);
      at += p.length;
    });
    return out;
  }

  // The value at a dotted path, as the server renders it (null or absent as a dash).
  function lookup(value, path) {
    return path.split(".").reduce(function (v, part) {
      if (v === null || v === undefined || typeof v !== "object") return undefined;
      return Array.isArray(v) ? v[Number(part)] : v[part];
    }, value);
  }

  function matchesShown(value, text) {
    if (value === null || value === undefined) return text === DASH;
    if (typeof value === "string") return value === text;
    if (typeof value === "number") return text.trim() !== "" && Number(text) === value;
    if (typeof value === "boolean") return String(value) === text;
    return false;
  }

  async function checkHash(bytes) {
    var digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    var hex = toHex(digest);
    var want = shown("receipt-sha256");
    if (hex === want) {
      report("hash", "true", "sha256 of the embedded payload is " + hex + ", as shown");
      return true;
    }
    report("hash", "false", "sha256 of the embedded payload is " + hex + ", not the shown " + want);
    return false;
  }

  function checkPayload(bytes) {
    var payload;
    try {
      payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch (e) {
      report("payload", "false", "the embedded payload is not JSON: " + e.message);
      return null;
    }
    var wrong = [];
    if (payload.receipt_id !== shown("receipt-id")) wrong.push("receipt id");
    if (String(payload.org_seq) !== shown("org-seq")) wrong.push("org_seq");
    if (payload.parent_hash !== shown("parent-hash")) wrong.push("parent hash");
    var fields = document.querySelectorAll("[data-payload]");
    fields.forEach(function (el) {
      var path = el.getAttribute("data-payload");
      if (!matchesShown(lookup(payload, path), el.textContent)) wrong.push(path);
    });
    if (wrong.length) {
      report("payload", "false", "shown values differ from the hashed payload: " + wrong.join(", "));
      return null;
    }
    report(
      "payload",
      "true",
      "parses; receipt id, org_seq, parent hash and " + fields.length + " shown values match it"
    );
    return payload;
  }

  // A C2SP verifier key: <name>+<8 hex key hash>+<base64(0x01 || public key)>.
  async function parseVerifier(text) {
    // Names hold no "+", but the base64 key may: split at the first two only.
    var match = /^([^+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+\/]+=*)$/.exec(String(text));
    if (!match) return null;
    var parts = match.slice(1);
    var raw;
    try {
      raw = fromBase64(parts[2]);
    } catch (e) {
      return null;
    }
    if (raw.length !== 33 || raw[0] !== 1) return null;
    // The key hash is the first 4 bytes of SHA-256(name || "\n" || 0x01 || key).
    var material = concat([new TextEncoder().encode(parts[0] + "\n"), raw]);
    var hash = toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", material)).slice(0, 4));
    if (hash !== parts[1]) return null;
    return { name: parts[0], hash: hash, publicKey: raw.slice(1) };
  }

  // The keys published at keysUrl, parsed; fetched once per page.
  var keysLoaded = null;
  function loadKeys(keysUrl) {
    if (!keysLoaded) {
      keysLoaded = (async function () {
        var response = await fetch(keysUrl, { credentials: "omit", headers: { Accept: "application/json" } });
        if (!response.ok) throw new Error("fetching the keys: HTTP " + response.status);
        var listed = (await response.json()).keys || [];
        var keys = [];
        for (var k = 0; k < listed.length; k++) {
          var parsed = await parseVerifier(listed[k].verifier);
          if (parsed) keys.push(parsed);
        }
        return { keys: keys, listed: listed.length };
      })();
    }
    return keysLoaded;
  }

  // Opens a C2SP signed note with the published keys: { ok: true | false | null,
  // text, signer, detail }. null means this browser cannot check Ed25519.
  async function openNote(note, keysUrl) {
    var split = String(note).indexOf("\n\n");
    if (split < 0) return { ok: false, detail: "not a signed note" };
    var text = note.slice(0, split + 1);
    var lines = note.slice(split + 2).split("\n").filter(function (l) {
      return l !== "";
    });
    var loaded = await loadKeys(keysUrl);
    var signers = [];
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      signers.push(line.split(" ")[1] || "?");
      if (line.indexOf(DASH + " ") !== 0) continue;
      var fields = line.slice(2).split(" ");
      if (fields.length !== 2) continue;
      var blob;
      try {
        blob = fromBase64(fields[1]);
      } catch (e) {
        continue;
      }
      if (blob.length !== 68) continue;
      var keyHash = toHex(blob.slice(0, 4));
      var key = loaded.keys.find(function (candidate) {
        return candidate.name === fields[0] && candidate.hash === keyHash;
      });
      if (!key) continue;
      var signer = key.name + "+" + key.hash;
      var cryptoKey;
      try {
        cryptoKey = await crypto.subtle.importKey("raw", key.publicKey, { name: "Ed25519" }, false, ["verify"]);
      } catch (e) {
        if (e && e.name === "NotSupportedError") {
          return { ok: null, detail: "not checked (browser lacks Ed25519)" };
        }
        throw e;
      }
      var ok = await crypto.subtle.verify({ name: "Ed25519" }, cryptoKey, blob.slice(4), new TextEncoder().encode(text));
      if (ok) return { ok: true, text: text, signer: signer };
      return { ok: false, detail: "the Ed25519 signature by " + signer + " does not verify" };
    }
    return {
      ok: false,
      detail:
        "no signature by a key published at " + keysUrl + " (" + loaded.keys.length + " of " + loaded.listed +
        " listed keys usable; note signed by " + signers.join(", ") + ")"
    };
  }

  // The organisation id the signature names: organization.id in clear, or, for a
  // kind whose public view commits to it (organization.id_sha256), the id named by
  // the checkpoint's origin when SHA-256("defendable-org:" + id) matches.
  async function orgIdOf(payload, proof) {
    var org = payload && payload.organization;
    if (!org) return "";
    if (typeof org.id === "string") return org.id;
    if (!proof || typeof org.id_sha256 !== "string") return "";
    var origin = String(proof.checkpoint.origin);
    var at = origin.lastIndexOf("/orgs/");
    if (at < 0) return "";
    var candidate = origin.slice(at + "/orgs/".length);
    var digest = toHex(await sha256([new TextEncoder().encode("defendable-org:" + candidate)]));
    return digest === org.id_sha256 ? candidate : "";
  }

  async function checkSignature(signature, keysUrl, payload, proof) {
    if (!signature || !signature.note) {
      report("signature", "unchecked", "not checked (this receipt has no signature)");
      return null;
    }
    var orgId = await orgIdOf(payload, proof);
    var statement =
      "defendable receipt v1\norg " + orgId + "\nseq " + shown("org-seq") + "\nid " +
      shown("receipt-id") + "\nsha256 " + shown("receipt-sha256") + "\n";
    var opened = await openNote(signature.note, keysUrl);
    if (opened.ok === null) {
      report("signature", "unchecked", opened.detail);
      return null;
    }
    if (!opened.ok) {
      report("signature", "false", opened.detail);
      return false;
    }
    if (opened.text !== statement) {
      report("signature", "false", "the signed statement is not this receipt's organisation, position and hash");
      return false;
    }
    report("signature", "true", "Ed25519 signature by " + opened.signer + " verifies over this receipt's statement");
    return true;
  }

  function fromHex(text) {
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(text.substr(i * 2, 2), 16);
    return out;
  }

  function toBase64(bytes) {
    return btoa(String.fromCharCode.apply(null, Array.from(bytes)));
  }

  // The checkpoint's note states exactly its origin, size and root, under a published key.
  async function checkCheckpoint(proof, keysUrl) {
    var cp = proof.checkpoint;
    if (!/^[0-9a-f]{64}$/.test(cp.root_hash)) {
      report("checkpoint", "false", "the checkpoint's root is not a SHA-256 hash");
      return false;
    }
    var expected = cp.origin + "\n" + cp.tree_size + "\n" + toBase64(fromHex(cp.root_hash)) + "\n";
    var opened = await openNote(cp.note, keysUrl);
    if (opened.ok === null) {
      report("checkpoint", "unchecked", opened.detail);
      return null;
    }
    if (!opened.ok) {
      report("checkpoint", "false", opened.detail);
      return false;
    }
    if (opened.text !== expected) {
      report("checkpoint", "false", "the signed checkpoint does not state the size and root shown");
      return false;
    }
    report(
      "checkpoint",
      "true",
      "Ed25519 signature by " + opened.signer + " verifies over the log's checkpoint at size " + cp.tree_size
    );
    return true;
  }

  async function sha256(parts) {
    return new Uint8Array(await crypto.subtle.digest("SHA-256", concat(parts)));
  }

  // RFC 9162 2.1.3.2: the receipt's leaf, at its org_seq, leads to the checkpoint's root.
  async function checkInclusion(proof) {
    var cp = proof.checkpoint;
    var inc = proof.inclusion;
    var hash = shown("receipt-sha256");
    if (!/^[0-9a-f]{64}$/.test(hash) || !/^[0-9a-f]{64}$/.test(cp.root_hash)) {
      report("inclusion", "false", "a hash is not SHA-256 hex");
      return false;
    }
    var index = Number(shown("org-seq"));
    var size = cp.tree_size;
    if (inc.tree_size !== size || inc.org_seq !== index || !(index >= 0 && index < size)) {
      report("inclusion", "false", "the proof is not for this receipt's position in this checkpoint");
      return false;
    }
    var r = await sha256([new Uint8Array([0]), fromHex(hash)]);
    var fn = index;
    var sn = size - 1;
    var path = inc.proof || [];
    for (var i = 0; i < path.length; i++) {
      if (sn === 0 || !/^[0-9a-f]{64}$/.test(path[i])) {
        report("inclusion", "false", "the inclusion proof is malformed");
        return false;
      }
      var p = fromHex(path[i]);
      if (fn % 2 === 1 || fn === sn) {
        r = await sha256([new Uint8Array([1]), p, r]);
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      } else {
        r = await sha256([new Uint8Array([1]), r, p]);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    if (sn !== 0 || toHex(r) !== cp.root_hash) {
      report("inclusion", "false", "the inclusion proof does not lead to the checkpoint's root");
      return false;
    }
    report(
      "inclusion",
      "true",
      "the receipt at org_seq " + index + " leads to the root of the checkpoint of size " + size + " (" +
        path.length + (path.length === 1 ? " proof hash)" : " proof hashes)")
    );
    return true;
  }

  async function run() {
    ["hash", "payload", "signature", "checkpoint", "inclusion"].forEach(function (name) {
      report(name, "pending", "checking\u2026");
    });
    var summary = byId("summary");
    var data = JSON.parse(byId("receipt-data").textContent);
    var results = [];
    if (!window.crypto || !crypto.subtle) {
      ["hash", "signature", "checkpoint", "inclusion"].forEach(function (name) {
        report(name, "unchecked", "not checked (this browser offers no WebCrypto here; use HTTPS)");
      });
      results.push(null, null);
    }
    var bytes;
    try {
      bytes = fromBase64(data.payload_b64);
    } catch (e) {
      report("hash", "false", "the embedded payload is not base64");
      report("payload", "false", "the embedded payload is not base64");
      report("signature", "unchecked", "not checked");
      results.push(false);
    }
    if (bytes) {
      if (window.crypto && crypto.subtle) {
        try {
          results.push(await checkHash(bytes));
        } catch (e) {
          report("hash", "false", "could not hash: " + e.message);
          results.push(false);
        }
      }
      var payload = checkPayload(bytes);
      results.push(payload !== null);
      if (window.crypto && crypto.subtle) {
        try {
          results.push(await checkSignature(data.signature, data.keys_url, payload, data.proof));
        } catch (e) {
          report("signature", "false", "could not check: " + e.message);
          results.push(false);
        }
        if (data.proof) {
          try {
            results.push(await checkCheckpoint(data.proof, data.keys_url));
          } catch (e) {
            report("checkpoint", "false", "could not check: " + e.message);
            results.push(false);
          }
          try {
            results.push(await checkInclusion(data.proof));
          } catch (e) {
            report("inclusion", "false", "could not check: " + e.message);
            results.push(false);
          }
        }
      }
    }
    var failed = results.some(function (r) {
      return r === false;
    });
    var unchecked = results.some(function (r) {
      return r === null;
    });
    summary.setAttribute("data-all-ok", failed ? "false" : unchecked ? "partial" : "true");
    summary.textContent = failed
      ? "A check failed: do not rely on this receipt."
      : unchecked
        ? "Every check that could run passed; some could not run in this browser."
        : "Intact: every check passed in this browser, against keys served by this same server.";
  }

  run().catch(function (e) {
    var summary = byId("summary");
    if (summary) {
      summary.setAttribute("data-all-ok", "false");
      summary.textContent = "The checks could not run: " + e.message;
    }
  });
})();
