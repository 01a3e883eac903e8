package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/don-network/don/x/optima/domains"
	"github.com/don-network/don/x/optima/fixedpoint"
)

// ResolveDomain finds a built-in domain and converts the proto config into
// its typed config, validated. Decimal strings are parsed by the fixed-point
// engine (integer arithmetic only), so every node reads the same values.
func ResolveDomain(name string, cfg DomainConfig) (domains.Domain, domains.Config, error) {
	dom, err := domains.Get(name)
	if err != nil {
		return nil, nil, errorsmod.Wrapf(ErrUnknownDomain, "%q (built-in: %v)", name, domains.Names())
	}
	typed, err := cfg.toDomain(name)
	if err != nil {
		return nil, nil, errorsmod.Wrap(ErrInvalidDomainConfig, err.Error())
	}
	if err := typed.Validate(); err != nil {
		return nil, nil, errorsmod.Wrap(ErrInvalidDomainConfig, err.Error())
	}
	return dom, typed, nil
}

func (cfg DomainConfig) toDomain(name string) (domains.Config, error) {
	switch c := cfg.Config.(type) {
	case *DomainConfig_Friedman1:
		if name != "friedman1" {
			break
		}
		p := decimalParser{}
		out := domains.Friedman1Config{Hidden: c.Friedman1.Hidden, Noise: p.fixed("noise", c.Friedman1.Noise)}
		return out, p.err
	case *DomainConfig_Spirals:
		if name != "spirals" {
			break
		}
		p := decimalParser{}
		out := domains.SpiralsConfig{
			Hidden:   c.Spirals.Hidden,
			Noise:    p.fixed("noise", c.Spirals.Noise),
			FlipProb: p.fixed("flip_prob", c.Spirals.FlipProb),
			Turns:    p.fixed("turns", c.Spirals.Turns),
		}
		return out, p.err
	case *DomainConfig_RegimeAr:
		if name != "regime-ar" {
			break
		}
		r := c.RegimeAr
		p := decimalParser{}
		out := domains.RegimeARConfig{
			Lags:   r.Lags,
			Length: r.SeriesLength,
			BurnIn: r.BurnIn,
			Const:  p.pair("constant", r.Constant),
			Phi1:   p.pair("phi1", r.Phi1),
			Phi2:   p.pair("phi2", r.Phi2),
			Sigma:  p.pair("sigma", r.Sigma),
			Stay:   p.pair("stay", r.Stay),
		}
		return out, p.err
	case nil:
		return nil, errorsmod.Wrap(ErrInvalidDomainConfig, "missing domain config")
	}
	return nil, errorsmod.Wrapf(ErrInvalidDomainConfig, "config does not belong to domain %q", name)
}

// decimalParser parses decimal fields and keeps the first error.
type decimalParser struct{ err error }

func (p *decimalParser) fixed(field, s string) fixedpoint.Fixed {
	if p.err != nil {
		return 0
	}
	v, err := fixedpoint.ParseDecimal(s)
	if err != nil {
		p.err = errorsmod.Wrapf(ErrInvalidDomainConfig, "%s: %s", field, err)
	}
	return v
}

// pair checks the length before indexing, whatever an earlier field did:
// a config can be wrong in several fields at once.
func (p *decimalParser) pair(field string, s []string) [2]fixedpoint.Fixed {
	if len(s) != 2 {
		if p.err == nil {
			p.err = errorsmod.Wrapf(ErrInvalidDomainConfig, "%s needs one value per regime (2), got %d", field, len(s))
		}
		return [2]fixedpoint.Fixed{}
	}
	return [2]fixedpoint.Fixed{p.fixed(field+"[0]", s[0]), p.fixed(field+"[1]", s[1])}
}

// DefaultDomainConfig returns a domain's default config in proto form.
func DefaultDomainConfig(name string) (DomainConfig, error) {
	dom, err := domains.Get(name)
	if err != nil {
		return DomainConfig{}, errorsmod.Wrapf(ErrUnknownDomain, "%q", name)
	}
	switch c := dom.DefaultConfig().(type) {
	case domains.Friedman1Config:
		return DomainConfig{Config: &DomainConfig_Friedman1{Friedman1: &Friedman1Config{
			Hidden: c.Hidden, Noise: c.Noise.String(),
		}}}, nil
	case domains.SpiralsConfig:
		return DomainConfig{Config: &DomainConfig_Spirals{Spirals: &SpiralsConfig{
			Hidden: c.Hidden, Noise: c.Noise.String(), FlipProb: c.FlipProb.String(), Turns: c.Turns.String(),
		}}}, nil
	case domains.RegimeARConfig:
		pair := func(v [2]fixedpoint.Fixed) []string { return []string{v[0].String(), v[1].String()} }
		return DomainConfig{Config: &DomainConfig_RegimeAr{RegimeAr: &RegimeARConfig{
			Lags: c.Lags, SeriesLength: c.Length, BurnIn: c.BurnIn,
			Constant: pair(c.Const), Phi1: pair(c.Phi1), Phi2: pair(c.Phi2), Sigma: pair(c.Sigma), Stay: pair(c.Stay),
		}}}, nil
	}
	return DomainConfig{}, errorsmod.Wrapf(ErrUnknownDomain, "%q has no proto config", name)
}
