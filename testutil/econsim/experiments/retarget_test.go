package experiments

import "testing"

// TestRetargetQuick: after the optimizer population jumps ×4 and ÷4 the
// round duration is back at the target within two retarget intervals, the
// stall rule lets rounds close again soon after the optimizers return, and
// the work supply lasts the whole run.
func TestRetargetQuick(t *testing.T) {
	res, _ := runQuick(t, "retarget")
	if len(res.Table.Rows) < 50 {
		t.Fatalf("only %d rounds closed", len(res.Table.Rows))
	}
}
