// Package hash holds Bro 2.6's hashing and identifier bifs: one-shot and
// incremental MD5, SHA1 and SHA256, md5_hmac, fnv1a32, hrw_weight,
// unique_id, unique_id_from, rand and srand.
package hash

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	gohash "hash"

	"gobro/runtime/interp"
	"gobro/runtime/seed"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("md5_hash", oneShot(md5.New))
	interp.Register("sha1_hash", oneShot(sha1.New))
	interp.Register("sha256_hash", oneShot(sha256.New))
	interp.Register("md5_hmac", bifMD5HMAC)
	for _, k := range []struct {
		name string
		new  func() gohash.Hash
	}{{"md5", md5.New}, {"sha1", sha1.New}, {"sha256", sha256.New}} {
		interp.Register(k.name+"_hash_init", initHandle(k.new))
		interp.Register(k.name+"_hash_update", bifHashUpdate)
		interp.Register(k.name+"_hash_finish", bifHashFinish)
	}
}

// feed adds a variadic argument to a digest: a string's bytes, or for
// any other value its raw rendering.
func feed(h gohash.Hash, arg value.Value) {
	a, ok := arg.R.(*value.Any)
	if !ok || a == nil {
		return
	}
	if a.Type.Kind() == types.String {
		h.Write([]byte(a.Value.AsString()))
		return
	}
	h.Write([]byte(value.RenderRaw(a.Value, a.Type)))
}

func oneShot(newHash func() gohash.Hash) interp.Builtin {
	return func(_ *interp.Call, args []value.Value) value.Value {
		h := newHash()
		for _, a := range args {
			feed(h, a)
		}
		return value.String(hex.EncodeToString(h.Sum(nil)))
	}
}

// bifMD5HMAC is Bro's keyed MD5: the MD5 of (MD5 of the arguments XOR
// the key), the key being the MD5 of the first sixteen seed words.
func bifMD5HMAC(_ *interp.Call, args []value.Value) value.Value {
	h := md5.New()
	for _, a := range args {
		feed(h, a)
	}
	inner := h.Sum(nil)
	key := seed.Current().MD5Key()
	for i := range inner {
		inner[i] ^= key[i]
	}
	sum := md5.Sum(inner)
	return value.String(hex.EncodeToString(sum[:]))
}

// handle is the state behind an "opaque of md5/sha1/sha256" value: once
// finished it takes no more data and gives "".
type handle struct {
	h     gohash.Hash
	valid bool
}

func initHandle(newHash func() gohash.Hash) interp.Builtin {
	return func(_ *interp.Call, _ []value.Value) value.Value {
		return value.Value{R: &handle{h: newHash(), valid: true}}
	}
}

func bifHashUpdate(_ *interp.Call, args []value.Value) value.Value {
	hd, _ := args[0].R.(*handle)
	if hd == nil || !hd.valid {
		return value.Bool(false)
	}
	hd.h.Write([]byte(args[1].AsString()))
	return value.Bool(true)
}

func bifHashFinish(_ *interp.Call, args []value.Value) value.Value {
	hd, _ := args[0].R.(*handle)
	if hd == nil || !hd.valid {
		return value.String("")
	}
	hd.valid = false
	return value.String(hex.EncodeToString(hd.h.Sum(nil)))
}
