//! f-strings: literal pieces, replacement fields with conversions, format specs (nested)
//! and the `=` debugging specifier.

use krait_bytecode::opcode::conversion;
use krait_bytecode::{Constant, Opcode};
use ruff_python_ast::{
    self as ast, ConversionFlag, FStringPart, InterpolatedElement, InterpolatedStringElement,
};

use super::{Compiler, STACK_USE_GUIDELINE};
use crate::error::CompileResult;

enum Piece<'a> {
    Literal(String),
    Field(&'a InterpolatedElement),
}

fn push_literal(pieces: &mut Vec<Piece<'_>>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Literal(last)) = pieces.last_mut() {
        last.push_str(s);
    } else {
        pieces.push(Piece::Literal(s.to_string()));
    }
}

fn collect<'a>(pieces: &mut Vec<Piece<'a>>, elements: &'a [InterpolatedStringElement]) {
    for el in elements {
        match el {
            InterpolatedStringElement::Literal(l) => push_literal(pieces, &l.value),
            InterpolatedStringElement::Interpolation(i) => {
                if let Some(debug) = &i.debug_text {
                    push_literal(pieces, debug.as_str());
                }
                pieces.push(Piece::Field(i));
            }
        }
    }
}

impl<'a> Compiler<'a> {
    pub fn visit_fstring(&mut self, f: &'a ast::ExprFString) -> CompileResult<()> {
        let mut pieces: Vec<Piece<'a>> = Vec::new();
        for part in f.value.iter() {
            match part {
                FStringPart::Literal(s) => push_literal(&mut pieces, s.as_str()),
                FStringPart::FString(fs) => collect(&mut pieces, &fs.elements),
            }
        }
        self.emit_pieces(pieces)
    }

    fn emit_pieces(&mut self, pieces: Vec<Piece<'a>>) -> CompileResult<()> {
        let n = pieces.len();
        if n > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str("".into()));
            let join = self.name_index("join");
            self.emit(Opcode::LOAD_ATTR, (join << 1) | 1);
            self.emit(Opcode::BUILD_LIST, 0);
            for p in pieces {
                self.emit_piece(p)?;
                self.emit(Opcode::LIST_APPEND, 1);
            }
            self.emit(Opcode::CALL, 1);
            return Ok(());
        }
        if n == 0 {
            self.load_const(Constant::Str("".into()));
            return Ok(());
        }
        for p in pieces {
            self.emit_piece(p)?;
        }
        if n > 1 {
            self.emit(Opcode::BUILD_STRING, n as u32);
        }
        Ok(())
    }

    fn emit_piece(&mut self, p: Piece<'a>) -> CompileResult<()> {
        match p {
            Piece::Literal(s) => {
                self.load_const(Constant::Str(s.into()));
                Ok(())
            }
            Piece::Field(i) => self.emit_field(i),
        }
    }

    fn emit_field(&mut self, i: &'a InterpolatedElement) -> CompileResult<()> {
        self.deeper()?;
        let r = self.emit_field_inner(i);
        self.shallower();
        r
    }

    fn emit_field_inner(&mut self, i: &'a InterpolatedElement) -> CompileResult<()> {
        self.visit_expr(&i.expression)?;
        let mut conv = match i.conversion {
            ConversionFlag::None => None,
            ConversionFlag::Str => Some(conversion::STR),
            ConversionFlag::Repr => Some(conversion::REPR),
            ConversionFlag::Ascii => Some(conversion::ASCII),
        };
        if i.debug_text.is_some() && conv.is_none() && i.format_spec.is_none() {
            conv = Some(conversion::REPR);
        }
        if let Some(c) = conv {
            self.emit(Opcode::CONVERT_VALUE, c);
        }
        match &i.format_spec {
            Some(spec) => {
                let mut pieces = Vec::new();
                collect(&mut pieces, &spec.elements);
                self.emit_pieces(pieces)?;
                self.emit(Opcode::FORMAT_WITH_SPEC, 0);
            }
            None => self.emit(Opcode::FORMAT_SIMPLE, 0),
        }
        Ok(())
    }
}
