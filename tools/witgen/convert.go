package main

import (
	"fmt"

	"go.bytecodealliance.org/wit"
)

// typ converts a wit type, following `use` aliases to the defining type.
func (c *converter) typ(t wit.Type) (*Type, error) {
	switch t := t.(type) {
	case wit.Bool:
		return &Type{Kind: Bool}, nil
	case wit.U8:
		return &Type{Kind: U8}, nil
	case wit.U16:
		return &Type{Kind: U16}, nil
	case wit.U32:
		return &Type{Kind: U32}, nil
	case wit.U64:
		return &Type{Kind: U64}, nil
	case wit.S8:
		return &Type{Kind: S8}, nil
	case wit.S16:
		return &Type{Kind: S16}, nil
	case wit.S32:
		return &Type{Kind: S32}, nil
	case wit.S64:
		return &Type{Kind: S64}, nil
	case wit.F32:
		return &Type{Kind: F32}, nil
	case wit.F64:
		return &Type{Kind: F64}, nil
	case wit.String:
		return &Type{Kind: String}, nil
	case *wit.TypeDef:
		return c.typeDef(t.Root())
	}
	return nil, fmt.Errorf("unsupported type %s", t.TypeName())
}

func (c *converter) typeDef(td *wit.TypeDef) (*Type, error) {
	if t, ok := c.named[td]; ok {
		return t, nil
	}
	out := &Type{}
	if td.Name != nil {
		out.Name, out.Docs = *td.Name, td.Docs.Contents
		c.named[td] = out // before converting members, so recursion terminates
	}
	if err := c.fill(out, td.Kind); err != nil {
		if out.Name != "" {
			return nil, fmt.Errorf("type %s: %w", out.Name, err)
		}
		return nil, err
	}
	if out.Name != "" {
		c.order = append(c.order, out)
	}
	return out, nil
}

func (c *converter) fill(out *Type, kind wit.TypeDefKind) error {
	var err error
	switch k := kind.(type) {
	case *wit.Record:
		out.Kind = Record
		for _, f := range k.Fields {
			var ft *Type
			if ft, err = c.typ(f.Type); err != nil {
				return fmt.Errorf("field %s: %w", f.Name, err)
			}
			out.Fields = append(out.Fields, Field{Name: f.Name, Type: ft, Docs: f.Docs.Contents})
		}
	case *wit.Variant:
		out.Kind = Variant
		for _, cs := range k.Cases {
			var ct *Type
			if cs.Type != nil {
				if ct, err = c.typ(cs.Type); err != nil {
					return fmt.Errorf("case %s: %w", cs.Name, err)
				}
			}
			out.Cases = append(out.Cases, Case{Name: cs.Name, Type: ct, Docs: cs.Docs.Contents})
		}
	case *wit.Enum:
		out.Kind = Enum
		for _, cs := range k.Cases {
			out.Cases = append(out.Cases, Case{Name: cs.Name, Docs: cs.Docs.Contents})
		}
	case *wit.Option:
		out.Kind = Option
		out.Elem, err = c.typ(k.Type)
	case *wit.List:
		out.Kind = List
		out.Elem, err = c.typ(k.Type)
	case *wit.Result:
		return c.result(out, k)
	default:
		return fmt.Errorf("unsupported kind %T", kind)
	}
	return err
}

// result accepts result<T, string> and result<_, string> only: both sides
// map the error to a Go error, which needs a string.
func (c *converter) result(out *Type, k *wit.Result) error {
	out.Kind = Result
	if _, ok := k.Err.(wit.String); !ok {
		return fmt.Errorf("result error type must be string")
	}
	out.Err = &Type{Kind: String}
	if k.OK == nil {
		return nil
	}
	var err error
	out.Elem, err = c.typ(k.OK)
	return err
}
