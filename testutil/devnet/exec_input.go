package devnet

// ExecInput runs dond with --home and stdin (for a pipe such as
// `tx … -o json | q wait-tx`) and returns its stdout; errors carry stderr.
func (n *Node) ExecInput(stdin string, args ...string) (string, error) {
	return n.execInput(stdin, args...)
}
