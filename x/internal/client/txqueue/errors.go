package txqueue

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	errorsmod "cosmossdk.io/errors"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// errResign tells Submit that its tx is known dead before the caller's
// deadline: sign the messages again.
var errResign = errors.New("txqueue: tx dead, sign again")

// mismatchRe reads x/auth's ante handler message
// "account sequence mismatch, expected N, got M".
var mismatchRe = regexp.MustCompile(`account sequence mismatch, expected (\d+), got (\d+)`)

// expectedSequence returns N of a sequence mismatch message.
func expectedSequence(log string) (uint64, bool) {
	m := mismatchRe.FindStringSubmatch(log)
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseUint(m[1], 10, 64)
	return n, err == nil
}

// CheckTx codes the queue acts on (CometBFT's own refusals arrive with the
// SDK's codes, see client.CheckCometError).
var (
	codeWrongSequence = sdkerrors.ErrWrongSequence.ABCICode()    // resync
	codeInCache       = sdkerrors.ErrTxInMempoolCache.ABCICode() // the node holds these bytes already
	codeMempoolFull   = sdkerrors.ErrMempoolIsFull.ABCICode()    // wait and retry
	codeTimeoutHeight = sdkerrors.ErrTxTimeoutHeight.ABCICode()  // too late
)

// rejected is the error of a CheckTx rejection; it wraps ErrRejected and the
// chain's registered error of that codespace and code.
func rejected(res CheckTxResult) error {
	return fmt.Errorf("%w: CheckTx code %d (%s): %w", ErrRejected, res.Code, res.Codespace,
		errorsmod.ABCIError(res.Codespace, res.Code, res.Log))
}

// transient reports whether a node error is a transport problem (retried
// with backoff) rather than the chain's answer.
func transient(err error) bool {
	st, ok := status.FromError(err)
	if !ok {
		return true // no gRPC status: the request did not get an answer from the chain
	}
	switch st.Code() {
	case codes.Unavailable, codes.DeadlineExceeded, codes.Canceled, codes.ResourceExhausted, codes.Aborted:
		return true
	}
	return false
}
