package math

import (
	gomath "math"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("find_entropy", bifFindEntropy)
	interp.Register("entropy_test_init", func(*interp.Call, []value.Value) value.Value {
		return value.Value{R: newRandTest()}
	})
	interp.Register("entropy_test_add", bifEntropyAdd)
	interp.Register("entropy_test_finish", bifEntropyFinish)
}

// montecarloBytes is how many bytes make one Monte Carlo point: half for
// x, half for y.
const montecarloBytes = 6

// randTest accumulates the statistics of John Walker's ent program, as
// Bro's RandTest does, for the "opaque of entropy" values.
type randTest struct {
	count               [256]float64
	total               float64
	monte               [montecarloBytes]int
	mp                  int
	mcount, inmont      float64
	sccFirst            bool
	sccLast, sccU0      float64
	sccT1, sccT2, sccT3 float64
}

func newRandTest() *randTest { return &randTest{sccFirst: true} }

// inCircle is the squared radius of the Monte Carlo circle.
var inCircle = gomath.Pow(gomath.Pow(256, montecarloBytes/2)-1, 2)

func (r *randTest) add(data string) {
	for i := 0; i < len(data); i++ {
		oc := int(data[i])
		r.count[oc]++
		r.total++
		r.monte[r.mp] = oc
		r.mp++
		if r.mp >= montecarloBytes {
			r.mp = 0
			r.mcount++
			var x, y float64
			for j := 0; j < montecarloBytes/2; j++ {
				x = x*256 + float64(r.monte[j])
				y = y*256 + float64(r.monte[montecarloBytes/2+j])
			}
			if x*x+y*y <= inCircle {
				r.inmont++
			}
		}
		c := float64(oc)
		if r.sccFirst {
			r.sccFirst = false
			r.sccLast = 0
			r.sccU0 = c
		} else {
			r.sccT1 += r.sccLast * c
		}
		r.sccT2 += c
		r.sccT3 += c * c
		r.sccLast = c
	}
}

// result computes the measures, leaving the state as it is.
func (r *randTest) result() (ent, chisq, mean, montepi, scc float64) {
	t1 := r.sccT1 + r.sccLast*r.sccU0
	t2 := r.sccT2 * r.sccT2
	scc = r.total*r.sccT3 - t2
	if scc == 0 {
		scc = -100000
	} else {
		scc = (r.total*t1 - t2) / scc
	}
	expected := r.total / 256
	var sum float64
	var prob [256]float64
	for i := range r.count {
		a := r.count[i] - expected
		prob[i] = r.count[i] / r.total
		chisq += a * a / expected
		sum += float64(i) * r.count[i]
	}
	for _, p := range prob {
		if p > 0 {
			ent += p * gomath.Log2(1/p)
		}
	}
	montepi = 4 * (r.inmont / r.mcount)
	mean = sum / r.total
	return
}

// resultRecord builds an entropy_test_result.
func resultRecord(c *interp.Call, r *randTest) value.Value {
	rt, _ := c.Interp.LookupType("entropy_test_result").(*types.RecordType)
	if rt == nil {
		return value.Value{}
	}
	rec := c.Interp.NewRecord(rt)
	ent, chisq, mean, montepi, scc := r.result()
	for i, v := range []float64{ent, chisq, mean, montepi, scc} {
		if i < len(rec.Fields) {
			rec.Fields[i] = value.Double(v)
		}
	}
	return value.Value{R: rec}
}

func bifFindEntropy(c *interp.Call, args []value.Value) value.Value {
	r := newRandTest()
	r.add(args[0].AsString())
	return resultRecord(c, r)
}

func bifEntropyAdd(_ *interp.Call, args []value.Value) value.Value {
	r, _ := args[0].R.(*randTest)
	if r == nil {
		return value.Bool(false)
	}
	r.add(args[1].AsString())
	return value.Bool(true)
}

func bifEntropyFinish(c *interp.Call, args []value.Value) value.Value {
	r, _ := args[0].R.(*randTest)
	if r == nil {
		r = newRandTest()
	}
	return resultRecord(c, r)
}
