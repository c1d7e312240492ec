//! Mapping ruff's parse errors to CPython 3.11's `SyntaxError`/`IndentationError` messages
//! and locations.
//!
//! CPython reports the first error its tokenizer or parser meets, with two twists that
//! are reproduced here: a tokenizer error found anywhere after a parser error replaces it
//! (CPython re-tokenizes the rest of the file), and an unclosed bracket opened on a line
//! before the parser error (or at end of input) becomes "'(' was never closed". Bracket
//! errors are found by scanning ruff's tokens; other messages are translated from ruff's
//! error kinds, looking at the tokens and the recovered AST where CPython's wording
//! depends on them.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, Mod, Stmt};
use ruff_python_parser::{LexicalErrorType, ParseErrorType, Parsed, UnsupportedSyntaxErrorKind};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::{CompileError, CompileErrorKind};
use crate::source::SourceMap;

/// CPython's tokenizer limit on bracket nesting.
const MAX_PAREN_LEVEL: usize = 200;

struct Ctx<'a> {
    map: &'a SourceMap<'a>,
    filename: &'a str,
    tokens: &'a [Token],
    module: &'a Mod,
}

/// An error candidate with the byte offset where it was detected.
struct Found {
    at: u32,
    err: CompileError,
}

impl<'a> Ctx<'a> {
    fn syntax(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::at(
            CompileErrorKind::SyntaxError,
            msg,
            self.map,
            self.filename,
            range,
        )
    }

    /// An error at a point (offset == end_offset), with the tokenizer's text (no newline).
    fn tokenizer_point(
        &self,
        kind: CompileErrorKind,
        msg: impl Into<String>,
        at: u32,
    ) -> CompileError {
        let (line, col) = self.map.line_col(at);
        let c = self.map.char_col(line, col);
        let mut e = CompileError::at_cols(kind, msg, self.map, self.filename, line, c, line, c);
        e.text = Some(self.map.line_text(line).to_string());
        e
    }

    /// Index of the first token starting at or after `offset`.
    fn token_at(&self, offset: TextSize) -> usize {
        self.tokens.partition_point(|t| t.start() < offset)
    }

    fn is_trivia(kind: TokenKind) -> bool {
        matches!(kind, TokenKind::Comment | TokenKind::NonLogicalNewline)
    }

    fn prev_significant(&self, mut i: usize) -> Option<usize> {
        while i > 0 {
            i -= 1;
            if !Self::is_trivia(self.tokens[i].kind()) {
                return Some(i);
            }
        }
        None
    }

    fn next_significant(&self, mut i: usize) -> Option<usize> {
        while i < self.tokens.len() {
            if !Self::is_trivia(self.tokens[i].kind()) {
                return Some(i);
            }
            i += 1;
        }
        None
    }
}

/// The first syntax error of a parse, in CPython's words.
pub fn first_error(parsed: &Parsed<Mod>, map: &SourceMap, filename: &str) -> Option<CompileError> {
    if parsed.errors().is_empty() && parsed.unsupported_syntax_errors().is_empty() {
        // Even a valid parse can exceed CPython's bracket nesting limit.
        let cx = Ctx {
            map,
            filename,
            tokens: parsed.tokens(),
            module: parsed.syntax(),
        };
        let mut found: Vec<Found> = scan_brackets(&cx).error.into_iter().collect();
        found.extend(check_tabs(&cx));
        found.sort_by_key(|f| f.at);
        return found.into_iter().next().map(|f| f.err);
    }
    let cx = Ctx {
        map,
        filename,
        tokens: parsed.tokens(),
        module: parsed.syntax(),
    };
    let scan = scan_brackets(&cx);
    let mut tokenizer: Vec<Found> = Vec::new();
    if let Some(f) = scan.error {
        tokenizer.push(f);
    }
    if let Some(f) = check_tabs(&cx) {
        tokenizer.push(f);
    }
    let mut parser: Option<Found> = None;
    let mut eof_error = false;
    for e in parsed.errors() {
        let at = e.location.start().to_u32();
        match &e.error {
            ParseErrorType::Lexical(LexicalErrorType::Eof) => {
                if parser.is_none() {
                    eof_error = true;
                    parser = Some(Found {
                        at,
                        err: cx.syntax("unexpected EOF while parsing", e.location),
                    });
                }
            }
            ParseErrorType::Lexical(l) => {
                if let Some(err) = map_lexical(&cx, l, e.location) {
                    tokenizer.push(Found { at, err });
                } else if parser.is_none() {
                    parser = Some(Found {
                        at,
                        err: cx.syntax("invalid syntax", token_range(&cx, e.location)),
                    });
                }
            }
            other => {
                if parser.is_none() {
                    parser = Some(Found {
                        at,
                        err: map_parse(&cx, other, e.location),
                    });
                }
            }
        }
    }
    if parser.is_none() {
        if let Some(u) = parsed.unsupported_syntax_errors().first() {
            let msg = match u.kind {
                UnsupportedSyntaxErrorKind::UnpackingInComprehension(k) => {
                    // The kind's type is not exported; its name tells dicts apart.
                    if format!("{k:?}").contains("Dict") {
                        "dict unpacking cannot be used in dict comprehension"
                    } else {
                        "iterable unpacking cannot be used in comprehension"
                    }
                }
                UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes => {
                    "multiple exception types must be parenthesized"
                }
                _ => "invalid syntax",
            };
            parser = Some(Found {
                at: u.range.start().to_u32(),
                err: cx.syntax(msg, u.range),
            });
        }
    }
    tokenizer.sort_by_key(|f| f.at);
    let src_end = map.source().trim_end().len() as u32;
    match parser {
        None => tokenizer.into_iter().next().map(|f| f.err),
        Some(p) => {
            if let Some(t) = tokenizer.iter().find(|t| t.at <= p.at) {
                return Some(t.err.clone());
            }
            if let Some(t) = tokenizer.into_iter().next() {
                // CPython re-tokenizes the rest of the file after a parser error.
                return Some(t.err);
            }
            if let Some(open) = scan.unclosed {
                let open_line = map.line_col(open.start().to_u32()).0;
                if eof_error || p.at >= src_end || p.err.line.max(p.err.end_line) > open_line {
                    return Some(never_closed(&cx, open));
                }
            }
            if eof_error {
                let mut e = p.err;
                e.message = "unexpected EOF while parsing".into();
                return Some(e);
            }
            Some(p.err)
        }
    }
}

fn never_closed(cx: &Ctx, open: TextRange) -> CompileError {
    let ch = cx
        .map
        .source()
        .get(open.start().to_usize()..open.end().to_usize())
        .unwrap_or("(");
    let (line, col) = cx.map.line_col(open.start().to_u32());
    let c = cx.map.char_col(line, col);
    let mut e = CompileError::at_cols(
        CompileErrorKind::SyntaxError,
        format!("'{ch}' was never closed"),
        cx.map,
        cx.filename,
        line,
        c,
        line,
        0,
    );
    // CPython's text has a newline only when no line follows the bracket's line.
    let last = cx.map.line_start(line + 1) as usize >= cx.map.source().len();
    let nl = if last { "\n" } else { "" };
    e.text = Some(format!("{}{nl}", cx.map.line_text(line)));
    e
}

struct BracketScan {
    error: Option<Found>,
    unclosed: Option<TextRange>,
}

fn scan_brackets(cx: &Ctx) -> BracketScan {
    let mut stack: Vec<(TokenKind, TextRange)> = Vec::new();
    for t in cx.tokens {
        let kind = t.kind();
        match kind {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if stack.len() >= MAX_PAREN_LEVEL {
                    let at = t.start().to_u32();
                    let err = cx.tokenizer_point(
                        CompileErrorKind::SyntaxError,
                        "too many nested parentheses",
                        at,
                    );
                    return BracketScan {
                        error: Some(Found { at, err }),
                        unclosed: None,
                    };
                }
                stack.push((kind, t.range()));
            }
            TokenKind::Int | TokenKind::Float | TokenKind::Complex => {
                if let Some(err) = number_followed_by_name(cx, t) {
                    return BracketScan {
                        error: Some(err),
                        unclosed: None,
                    };
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                let close = match kind {
                    TokenKind::Rpar => ')',
                    TokenKind::Rsqb => ']',
                    _ => '}',
                };
                let at = t.start().to_u32();
                match stack.pop() {
                    None => {
                        let err = cx.tokenizer_point(
                            CompileErrorKind::SyntaxError,
                            format!("unmatched '{close}'"),
                            at,
                        );
                        return BracketScan {
                            error: Some(Found { at, err }),
                            unclosed: None,
                        };
                    }
                    Some((open, open_range)) => {
                        let expected = match open {
                            TokenKind::Lpar => TokenKind::Rpar,
                            TokenKind::Lsqb => TokenKind::Rsqb,
                            _ => TokenKind::Rbrace,
                        };
                        if expected != kind {
                            let open_ch = match open {
                                TokenKind::Lpar => '(',
                                TokenKind::Lsqb => '[',
                                _ => '{',
                            };
                            let open_line = cx.map.line_col(open_range.start().to_u32()).0;
                            let line = cx.map.line_col(at).0;
                            let msg = if open_line != line {
                                format!("closing parenthesis '{close}' does not match opening parenthesis '{open_ch}' on line {open_line}")
                            } else {
                                format!("closing parenthesis '{close}' does not match opening parenthesis '{open_ch}'")
                            };
                            let err = cx.tokenizer_point(CompileErrorKind::SyntaxError, msg, at);
                            return BracketScan {
                                error: Some(Found { at, err }),
                                unclosed: None,
                            };
                        }
                    }
                }
            }
            _ => {}
        }
    }
    BracketScan {
        error: None,
        unclosed: stack.last().map(|(_, r)| *r),
    }
}

/// CPython's check that indentation compares the same with tabs of 8 columns and of 1
/// column ("inconsistent use of tabs and spaces in indentation", `TabError`).
fn check_tabs(cx: &Ctx) -> Option<Found> {
    let mut stack: Vec<(u32, u32)> = vec![(0, 0)];
    let mut at_line_start = true;
    let mut depth = 0i32;
    for t in cx.tokens {
        let kind = t.kind();
        match kind {
            TokenKind::Newline => {
                at_line_start = true;
                continue;
            }
            TokenKind::NonLogicalNewline
            | TokenKind::Comment
            | TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::EndOfFile => continue,
            _ => {}
        }
        if at_line_start && depth == 0 {
            at_line_start = false;
            let (line, _) = cx.map.line_col(t.start().to_u32());
            let text = cx.map.line_text(line);
            let (mut col, mut alt) = (0u32, 0u32);
            for ch in text.chars() {
                match ch {
                    ' ' => {
                        col += 1;
                        alt += 1;
                    }
                    '\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    '\x0c' => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
            }
            let &(top, top_alt) = stack.last().expect("never empty");
            let bad = if col == top {
                alt != top_alt
            } else if col > top {
                if alt <= top_alt {
                    true
                } else {
                    stack.push((col, alt));
                    false
                }
            } else {
                while stack.len() > 1 && col < stack.last().expect("non-empty").0 {
                    stack.pop();
                }
                let &(top, top_alt) = stack.last().expect("never empty");
                col == top && alt != top_alt
            };
            if bad {
                let at = cx.map.line_start(line);
                let mut err = CompileError::at_cols(
                    CompileErrorKind::TabError,
                    "inconsistent use of tabs and spaces in indentation",
                    cx.map,
                    cx.filename,
                    line,
                    1,
                    line,
                    0,
                );
                err.text = Some(format!("{text}\n"));
                return Some(Found { at, err });
            }
        }
        match kind {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    None
}

/// `1f`, `5e`, `0x1g`: CPython's tokenizer rejects a number directly followed by a name.
fn number_followed_by_name(cx: &Ctx, t: &Token) -> Option<Found> {
    let i = cx.token_at(t.start());
    let next = cx.tokens.get(i + 1)?;
    if next.kind() != TokenKind::Name || next.start() != t.end() {
        return None;
    }
    let text = cx
        .map
        .source()
        .get(t.start().to_usize()..t.end().to_usize())?
        .to_ascii_lowercase();
    let msg = if text.starts_with("0x") {
        "invalid hexadecimal literal"
    } else if text.starts_with("0o") {
        "invalid octal literal"
    } else if text.starts_with("0b") {
        "invalid binary literal"
    } else {
        "invalid decimal literal"
    };
    let at = t.start().to_u32();
    let mut err = cx.tokenizer_point(CompileErrorKind::SyntaxError, msg, at);
    err.text = Some(format!("{}\n", cx.map.line_text(err.line)));
    Some(Found { at, err })
}

/// The range of the token at `range.start()` (or `range` itself).
fn token_range(cx: &Ctx, range: TextRange) -> TextRange {
    let i = cx.token_at(range.start());
    match cx.tokens.get(i) {
        Some(t) if t.start() == range.start() => t.range(),
        _ => range,
    }
}

fn map_lexical(cx: &Ctx, l: &LexicalErrorType, loc: TextRange) -> Option<CompileError> {
    let at = loc.start().to_u32();
    Some(match l {
        LexicalErrorType::UnclosedStringError => {
            let src = cx.map.source();
            let rest = src.get(loc.start().to_usize()..).unwrap_or("");
            let body = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            let triple = body.starts_with("\"\"\"") || body.starts_with("'''");
            if triple {
                let end = src.trim_end_matches(['\n', '\r']).len() as u32;
                let detected = cx.map.line_col(end).0;
                cx.tokenizer_point(
                    CompileErrorKind::SyntaxError,
                    format!(
                        "unterminated triple-quoted string literal (detected at line {detected})"
                    ),
                    at,
                )
            } else {
                let line = cx.map.line_col(at).0;
                cx.tokenizer_point(
                    CompileErrorKind::SyntaxError,
                    format!("unterminated string literal (detected at line {line})"),
                    at,
                )
            }
        }
        LexicalErrorType::IndentationError => {
            let (line, _) = cx.map.line_col(at);
            let len = cx.map.line_text(line).chars().count() as u32;
            let mut e = CompileError::at_cols(
                CompileErrorKind::IndentationError,
                "unindent does not match any outer indentation level",
                cx.map,
                cx.filename,
                line,
                len + 1,
                line,
                0,
            );
            e.text = Some(format!("{}\n", cx.map.line_text(line)));
            e
        }
        LexicalErrorType::UnrecognizedToken { tok } => {
            if tok.is_ascii() {
                return None;
            }
            cx.tokenizer_point(
                CompileErrorKind::SyntaxError,
                format!("invalid character '{tok}' (U+{:04X})", *tok as u32),
                at,
            )
        }
        LexicalErrorType::LineContinuationError => cx.tokenizer_point(
            CompileErrorKind::SyntaxError,
            "unexpected character after line continuation character",
            at,
        ),
        LexicalErrorType::FStringError(f) => {
            return Some(fstring_error(cx, f, loc));
        }
        LexicalErrorType::UnicodeError
        | LexicalErrorType::MissingUnicodeLbrace
        | LexicalErrorType::MissingUnicodeRbrace => {
            let e = cx.syntax(
                "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape",
                loc,
            );
            return Some(e);
        }
        LexicalErrorType::InvalidByteLiteral => {
            cx.syntax("bytes can only contain ASCII literal characters", loc)
        }
        LexicalErrorType::OtherError(msg) => {
            let m = msg.to_string();
            let lower = m.to_ascii_lowercase();
            if lower.contains("decimal") || lower.contains("literal") || lower.contains("digit") {
                let first = TextRange::at(loc.start(), TextSize::from(1));
                return Some(cx.syntax(number_message(cx, loc), first));
            }
            return None;
        }
        _ => return None,
    })
}

/// CPython's messages for malformed number literals.
fn number_message(cx: &Ctx, loc: TextRange) -> String {
    let text = cx
        .map
        .source()
        .get(loc.start().to_usize()..loc.end().to_usize())
        .unwrap_or("");
    let lower = text.to_ascii_lowercase();
    if lower.len() > 1
        && lower.starts_with('0')
        && lower[1..].chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into();
    }
    if let Some(rest) = lower.strip_prefix("0b") {
        if let Some(d) = rest.chars().find(|c| !matches!(c, '0' | '1' | '_')) {
            return format!("invalid digit '{d}' in binary literal");
        }
        return "invalid binary literal".into();
    }
    if let Some(rest) = lower.strip_prefix("0o") {
        if let Some(d) = rest.chars().find(|c| !matches!(c, '0'..='7' | '_')) {
            return format!("invalid digit '{d}' in octal literal");
        }
        return "invalid octal literal".into();
    }
    if lower.starts_with("0x") {
        return "invalid hexadecimal literal".into();
    }
    "invalid decimal literal".into()
}

fn fstring_error(
    cx: &Ctx,
    f: &ruff_python_parser::InterpolatedStringErrorType,
    loc: TextRange,
) -> CompileError {
    use ruff_python_parser::InterpolatedStringErrorType as F;
    let msg = match f {
        F::UnclosedLbrace => "f-string: expecting '}'",
        F::SingleRbrace => "f-string: single '}' is not allowed",
        F::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        }
        F::UnterminatedString => "f-string: unterminated string",
        F::UnterminatedTripleQuotedString => "f-string: unterminated triple-quoted string",
        F::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses"
        }
        F::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: conversion type must come right after the exclamanation mark"
        }
        F::NewlineInFormatSpec => {
            "f-string: newlines are not allowed in format specifiers for single quoted f-strings"
        }
    };
    cx.syntax(msg, loc)
}

/// Maps a (non-lexical) parser error.
fn map_parse(cx: &Ctx, e: &ParseErrorType, loc: TextRange) -> CompileError {
    use ParseErrorType as P;
    match e {
        P::UnexpectedIndentation => {
            let (line, _) = cx.map.line_col(loc.start().to_u32());
            let text = cx.map.line_text(line);
            let indent = text
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t' || *c == '\x0c')
                .count() as u32;
            let mut err = CompileError::at_cols(
                CompileErrorKind::IndentationError,
                "unexpected indent",
                cx.map,
                cx.filename,
                line,
                indent,
                line,
                0,
            );
            err.text = Some(format!("{text}\n"));
            err
        }
        P::OtherError(msg) if msg.starts_with("Expected an indented block") => {
            indented_block_error(cx, loc)
        }
        P::OtherError(msg) if msg.starts_with("Expected `except` or `finally`") => {
            let i = cx.token_at(loc.start());
            let mut k = i;
            while let Some(t) = cx.tokens.get(k) {
                if matches!(
                    t.kind(),
                    TokenKind::Indent
                        | TokenKind::Dedent
                        | TokenKind::Newline
                        | TokenKind::NonLogicalNewline
                        | TokenKind::Comment
                ) {
                    k += 1;
                } else {
                    break;
                }
            }
            let range = cx.tokens.get(k).map_or(loc, |t| t.range());
            cx.syntax("expected 'except' or 'finally' block", range)
        }
        P::OtherError(msg)
            if msg == "Only one '*' parameter allowed"
                || msg == "Only one '*' separator allowed" =>
        {
            cx.syntax("* argument may appear only once", token_range(cx, loc))
        }
        P::OtherError(msg) if msg == "Only one '**' parameter allowed" => cx.syntax(
            "arguments cannot follow var-keyword argument",
            token_range(cx, loc),
        ),
        P::OtherError(msg) if msg == "Only one '/' separator allowed" => {
            cx.syntax("/ may appear only once", token_range(cx, loc))
        }
        P::ExpectedToken { expected, found } => expected_token(cx, *expected, *found, loc),
        P::InvalidAssignmentTarget => assignment_target_error(cx, loc),
        P::InvalidDeleteTarget => match find_expr(cx, loc) {
            Some(found) => {
                let t = invalid_target(found.expr, true).unwrap_or(found.expr);
                cx.syntax(format!("cannot delete {}", expr_name(t)), t.range())
            }
            None => cx.syntax("invalid syntax", loc),
        },
        P::InvalidAugmentedAssignmentTarget => match find_expr(cx, loc) {
            Some(found) => cx.syntax(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(found.expr)
                ),
                loc,
            ),
            None => cx.syntax("invalid syntax", loc),
        },
        P::InvalidAnnotatedAssignmentTarget => match find_expr(cx, loc).map(|f| f.expr) {
            Some(Expr::Tuple(_)) => {
                cx.syntax("only single target (not tuple) can be annotated", loc)
            }
            Some(Expr::List(_)) => cx.syntax("only single target (not list) can be annotated", loc),
            _ => cx.syntax("illegal target for annotation", loc),
        },
        P::InvalidNamedAssignmentTarget => match find_expr(cx, loc) {
            Some(found) => cx.syntax(
                format!(
                    "cannot use assignment expressions with {}",
                    expr_name(found.expr)
                ),
                loc,
            ),
            None => cx.syntax("invalid syntax", loc),
        },
        P::IterableUnpackingInComprehension => {
            cx.syntax("iterable unpacking cannot be used in comprehension", loc)
        }
        P::UnparenthesizedGeneratorExpression => {
            cx.syntax("Generator expression must be parenthesized", loc)
        }
        P::PositionalAfterKeywordArgument => cx.syntax(
            "positional argument follows keyword argument",
            after_token(cx, loc),
        ),
        P::PositionalAfterKeywordUnpacking => cx.syntax(
            "positional argument follows keyword argument unpacking",
            after_token(cx, loc),
        ),
        P::InvalidArgumentUnpackingOrder => cx.syntax(
            "iterable argument unpacking follows keyword argument unpacking",
            token_range(cx, loc),
        ),
        P::NonDefaultParamAfterDefaultParam => {
            cx.syntax("non-default argument follows default argument", loc)
        }
        P::ParamAfterVarKeywordParam => {
            cx.syntax("arguments cannot follow var-keyword argument", loc)
        }
        P::VarParameterWithDefault => {
            cx.syntax("var-positional argument cannot have default value", loc)
        }
        P::ExpectedKeywordParam => {
            // Point at the bare `*`.
            let i = cx.token_at(loc.end());
            let mut star = loc;
            let mut j = i;
            while j > 0 {
                j -= 1;
                if cx.tokens[j].kind() == TokenKind::Star {
                    star = cx.tokens[j].range();
                    break;
                }
            }
            cx.syntax("named arguments must follow bare *", star)
        }
        P::SimpleStatementsOnSameLine | P::UnexpectedExpressionToken => {
            if let Some(err) = legacy_print(cx, loc) {
                return err;
            }
            if let Some(err) = forgot_comma(cx, loc) {
                return err;
            }
            cx.syntax("invalid syntax", token_range(cx, loc))
        }
        _ => {
            if let Some(err) = forgot_comma(cx, loc) {
                return err;
            }
            cx.syntax("invalid syntax", point_or_token(cx, loc))
        }
    }
}

/// A zero-width point for newline tokens, else the token's range.
fn point_or_token(cx: &Ctx, loc: TextRange) -> TextRange {
    let i = cx.token_at(loc.start());
    match cx.tokens.get(i) {
        Some(t) if t.start() == loc.start() => match t.kind() {
            TokenKind::Newline | TokenKind::EndOfFile | TokenKind::Dedent => {
                TextRange::empty(t.start())
            }
            _ => t.range(),
        },
        _ => TextRange::empty(loc.start()),
    }
}

/// The token just after the one at `loc` (CPython reports some errors there).
fn after_token(cx: &Ctx, loc: TextRange) -> TextRange {
    let i = cx.token_at(loc.end());
    match cx.next_significant(i) {
        Some(j) => cx.tokens[j].range(),
        None => loc,
    }
}

fn expected_token(cx: &Ctx, expected: TokenKind, found: TokenKind, loc: TextRange) -> CompileError {
    if expected == TokenKind::Colon && found == TokenKind::Newline {
        return cx.syntax("expected ':'", TextRange::empty(loc.start()));
    }
    if expected == TokenKind::Colon {
        let i = cx.token_at(loc.start());
        if let Some(p) = cx.prev_significant(i) {
            if matches!(
                cx.tokens[p].kind(),
                TokenKind::Else | TokenKind::Try | TokenKind::Finally
            ) {
                return cx.syntax("expected ':'", token_range(cx, loc));
            }
        }
    }
    if expected == TokenKind::Else {
        if let Some(err) = missing_else(cx, loc) {
            return err;
        }
    }
    if expected == TokenKind::Colon && found == TokenKind::Equal {
        // `if x = 1:`
        let i = cx.token_at(loc.start());
        if let Some(p) = cx.prev_significant(i) {
            if cx.tokens[p].kind() == TokenKind::Name {
                let mut end = loc.end();
                let mut j = i + 1;
                while let Some(t) = cx.tokens.get(j) {
                    if matches!(
                        t.kind(),
                        TokenKind::Colon
                            | TokenKind::Newline
                            | TokenKind::Comma
                            | TokenKind::EqEqual
                            | TokenKind::Equal
                    ) {
                        break;
                    }
                    end = t.end();
                    j += 1;
                }
                return cx.syntax(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    TextRange::new(cx.tokens[p].start(), end),
                );
            }
        }
    }
    if let Some(err) = forgot_comma(cx, loc) {
        return err;
    }
    cx.syntax("invalid syntax", point_or_token(cx, loc))
}

/// `a if b` without `else`: "expected 'else' after 'if' expression".
fn missing_else(cx: &Ctx, loc: TextRange) -> Option<CompileError> {
    let i = cx.token_at(loc.start());
    let end = cx.tokens[cx.prev_significant(i)?].end();
    // Find the `if` at this bracket depth, then the start of the expression before it.
    let mut depth = 0i32;
    let mut j = cx.prev_significant(i)?;
    let if_tok = loop {
        let k = cx.tokens[j].kind();
        match k {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
            }
            TokenKind::If if depth == 0 => break j,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent => return None,
            _ => {}
        }
        j = cx.prev_significant(j)?;
    };
    let mut start = if_tok;
    let mut depth = 0i32;
    let mut j = cx.prev_significant(if_tok)?;
    loop {
        let k = cx.tokens[j].kind();
        match k {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            TokenKind::Equal
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::Comma
            | TokenKind::Colon
            | TokenKind::Newline
            | TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::Return
            | TokenKind::Yield
            | TokenKind::Lambda
            | TokenKind::Else
            | TokenKind::If
            | TokenKind::In
            | TokenKind::Assert
            | TokenKind::Del
            | TokenKind::Await => break,
            _ => {}
        }
        start = j;
        match cx.prev_significant(j) {
            Some(p) => j = p,
            None => break,
        }
    }
    if start == if_tok {
        return None;
    }
    Some(cx.syntax(
        "expected 'else' after 'if' expression",
        TextRange::new(cx.tokens[start].start(), end),
    ))
}

/// `print "x"` -> "Missing parentheses in call to 'print'. Did you mean print(...)?".
fn legacy_print(cx: &Ctx, loc: TextRange) -> Option<CompileError> {
    let i = cx.token_at(loc.start());
    let p = cx.prev_significant(i)?;
    let t = cx.tokens[p];
    if t.kind() != TokenKind::Name {
        return None;
    }
    let name = cx
        .map
        .source()
        .get(t.start().to_usize()..t.end().to_usize())?;
    if name != "print" && name != "exec" {
        return None;
    }
    // `print` must start its logical line.
    if let Some(q) = cx.prev_significant(p) {
        if !matches!(
            cx.tokens[q].kind(),
            TokenKind::Newline
                | TokenKind::Indent
                | TokenKind::Dedent
                | TokenKind::Semi
                | TokenKind::Colon
        ) {
            return None;
        }
    }
    let mut end = loc.end();
    let mut j = i;
    while let Some(tok) = cx.tokens.get(j) {
        if matches!(
            tok.kind(),
            TokenKind::Newline | TokenKind::Semi | TokenKind::EndOfFile
        ) {
            break;
        }
        if !Ctx::is_trivia(tok.kind()) {
            end = tok.end();
        }
        j += 1;
    }
    Some(cx.syntax(
        format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
        TextRange::new(t.start(), end),
    ))
}

fn ends_expression(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringEnd
            | TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Ellipsis
    )
}

fn starts_expression(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Ellipsis
            | TokenKind::Minus
            | TokenKind::Plus
            | TokenKind::Tilde
    )
}

/// Inside brackets, two adjacent expressions: "invalid syntax. Perhaps you forgot a comma?".
fn forgot_comma(cx: &Ctx, loc: TextRange) -> Option<CompileError> {
    let i = cx.token_at(loc.start());
    let t = cx.tokens.get(i)?;
    if t.start() != loc.start() || !starts_expression(t.kind()) {
        return None;
    }
    let p = cx.prev_significant(i)?;
    if !ends_expression(cx.tokens[p].kind()) {
        return None;
    }
    // Find the enclosing bracket and the start of the previous element.
    let mut depth = 0i32;
    let mut start_tok = None;
    let mut j = p as isize;
    while j >= 0 {
        let k = cx.tokens[j as usize].kind();
        match k {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if depth == 0 {
                    start_tok = Some(j as usize + 1);
                    break;
                }
                depth -= 1;
            }
            TokenKind::Comma | TokenKind::Colon | TokenKind::Newline if depth == 0 => {
                if k == TokenKind::Newline {
                    return None;
                }
                start_tok = Some(j as usize + 1);
                break;
            }
            _ => {}
        }
        j -= 1;
    }
    let start_tok = cx.next_significant(start_tok?)?;
    // `NAME STRING` (like `print "x"`) is excluded by CPython's rule.
    if cx.tokens[start_tok].kind() == TokenKind::Name
        && start_tok + 1 == i
        && t.kind() == TokenKind::String
    {
        return None;
    }
    // The end of the next element.
    let mut depth = 0i32;
    let mut end = t.end();
    let mut k = i;
    while let Some(tok) = cx.tokens.get(k) {
        match tok.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            TokenKind::Comma | TokenKind::Colon | TokenKind::Newline if depth == 0 => break,
            TokenKind::EndOfFile => break,
            _ => {}
        }
        if !Ctx::is_trivia(tok.kind()) {
            end = tok.end();
        }
        k += 1;
    }
    Some(cx.syntax(
        "invalid syntax. Perhaps you forgot a comma?",
        TextRange::new(cx.tokens[start_tok].start(), end),
    ))
}

/// "expected an indented block after 'if' statement on line N" (IndentationError).
fn indented_block_error(cx: &Ctx, loc: TextRange) -> CompileError {
    let i = cx.token_at(loc.start());
    // The header: the logical line that ends with the colon before this token.
    let mut j = i;
    let mut header_start = None;
    let mut seen_newline = false;
    while j > 0 {
        j -= 1;
        let k = cx.tokens[j].kind();
        if k == TokenKind::Newline {
            if seen_newline {
                header_start = Some(j + 1);
                break;
            }
            seen_newline = true;
        } else if matches!(k, TokenKind::Indent | TokenKind::Dedent) && seen_newline {
            header_start = Some(j + 1);
            break;
        }
    }
    let header_start = cx.next_significant(header_start.unwrap_or(0)).unwrap_or(0);
    let mut hk = header_start;
    // Skip `async` and decorators are on their own lines.
    if cx.tokens.get(hk).map(|t| t.kind()) == Some(TokenKind::Async) {
        hk += 1;
    }
    let header = cx.tokens.get(hk).copied();
    let what = match header.map(|t| t.kind()) {
        Some(TokenKind::If) => "'if' statement",
        Some(TokenKind::Elif) => "'elif' statement",
        Some(TokenKind::Else) => "'else' statement",
        Some(TokenKind::While) => "'while' statement",
        Some(TokenKind::For) => "'for' statement",
        Some(TokenKind::With) => "'with' statement",
        Some(TokenKind::Try) => "'try' statement",
        Some(TokenKind::Except) => "'except' statement",
        Some(TokenKind::Finally) => "'finally' statement",
        Some(TokenKind::Def) => "function definition",
        Some(TokenKind::Class) => "class definition",
        Some(TokenKind::Match) => "'match' statement",
        Some(TokenKind::Case) => "'case' statement",
        _ => "",
    };
    let header_line = header
        .map(|t| cx.map.line_col(t.start().to_u32()).0)
        .unwrap_or(1);
    let msg = if what.is_empty() {
        "expected an indented block".to_string()
    } else {
        format!("expected an indented block after {what} on line {header_line}")
    };
    // The error points at the first token of the offending line.
    let target = cx
        .next_significant(i)
        .map(|k| {
            let mut k = k;
            while let Some(t) = cx.tokens.get(k) {
                if matches!(
                    t.kind(),
                    TokenKind::Indent | TokenKind::Dedent | TokenKind::Newline
                ) {
                    k += 1;
                } else {
                    break;
                }
            }
            cx.tokens.get(k).map(|t| t.range()).unwrap_or(loc)
        })
        .unwrap_or(loc);
    let mut err = CompileError::at(
        CompileErrorKind::IndentationError,
        msg,
        cx.map,
        cx.filename,
        target,
    );
    if cx.tokens.get(cx.token_at(target.start())).map(|t| t.kind()) == Some(TokenKind::EndOfFile) {
        err.end_offset = 0;
    }
    err
}

// ----- AST-dependent messages --------------------------------------------------------------

struct FoundExpr<'a> {
    expr: &'a Expr,
    stmt: Option<&'a Stmt>,
}

struct Finder<'a> {
    target: TextRange,
    found: Option<&'a Expr>,
    stmt: Option<&'a Stmt>,
    found_stmt: Option<&'a Stmt>,
    depth: u32,
}

impl<'a> Visitor<'a> for Finder<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() || self.depth > 300 || !stmt.range().contains_range(self.target) {
            return;
        }
        let saved = self.stmt.replace(stmt);
        self.depth += 1;
        visitor::walk_stmt(self, stmt);
        self.depth -= 1;
        self.stmt = saved;
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() || self.depth > 300 || !expr.range().contains_range(self.target) {
            return;
        }
        if expr.range() == self.target {
            self.found = Some(expr);
            self.found_stmt = self.stmt;
            return;
        }
        self.depth += 1;
        visitor::walk_expr(self, expr);
        self.depth -= 1;
    }
}

fn find_expr<'a>(cx: &Ctx<'a>, range: TextRange) -> Option<FoundExpr<'a>> {
    let mut f = Finder {
        target: range,
        found: None,
        stmt: None,
        found_stmt: None,
        depth: 0,
    };
    match cx.module {
        Mod::Module(m) => {
            for s in &m.body {
                f.visit_stmt(s);
            }
        }
        Mod::Expression(e) => f.visit_expr(&e.body),
    }
    f.found.map(|expr| FoundExpr {
        expr,
        stmt: f.found_stmt,
    })
}

/// CPython's `_PyPegen_get_expr_name`.
fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) => "slice",
        Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first part of a target that cannot be
/// assigned (or deleted).
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    invalid_target_depth(e, del, 0)
}

fn invalid_target_depth(e: &Expr, del: bool, depth: u32) -> Option<&Expr> {
    if depth > 200 {
        return None;
    }
    match e {
        Expr::List(l) => l
            .elts
            .iter()
            .find_map(|x| invalid_target_depth(x, del, depth + 1)),
        Expr::Tuple(t) => t
            .elts
            .iter()
            .find_map(|x| invalid_target_depth(x, del, depth + 1)),
        Expr::Starred(s) => {
            if del {
                Some(e)
            } else {
                invalid_target_depth(&s.value, del, depth + 1)
            }
        }
        Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => None,
        _ => Some(e),
    }
}

/// Whether an expression starts with something CPython's `bitwise_or` rule can parse.
fn starts_with_bitwise_or(e: &Expr) -> bool {
    let mut e = e;
    for _ in 0..200 {
        match e {
            Expr::Yield(_)
            | Expr::YieldFrom(_)
            | Expr::Lambda(_)
            | Expr::Starred(_)
            | Expr::Named(_) => return false,
            Expr::UnaryOp(u) if u.op == ruff_python_ast::UnaryOp::Not => return false,
            Expr::BoolOp(b) => match b.values.first() {
                Some(first) => e = first,
                None => return false,
            },
            Expr::Compare(c) => e = &c.left,
            Expr::If(i) => e = &i.body,
            Expr::Tuple(t) if !t.parenthesized => match t.elts.first() {
                Some(first) => e = first,
                None => return false,
            },
            _ => return true,
        }
    }
    false
}

/// Whether the tokens just around `range` are a pair of parentheses.
fn is_parenthesized(cx: &Ctx, range: TextRange) -> bool {
    let i = cx.token_at(range.start());
    let Some(before) = cx.prev_significant(i) else {
        return false;
    };
    let j = cx.token_at(range.end());
    let Some(after) = cx.next_significant(j) else {
        return false;
    };
    cx.tokens[before].kind() == TokenKind::Lpar && cx.tokens[after].kind() == TokenKind::Rpar
}

fn assignment_target_error(cx: &Ctx, loc: TextRange) -> CompileError {
    let Some(found) = find_expr(cx, loc) else {
        return cx.syntax("invalid syntax", loc);
    };
    let node = found.expr;
    if let Some(Stmt::Assign(a)) = found.stmt {
        if let Some(first) = a.targets.first() {
            if first.range().contains_range(loc) {
                if let (Expr::Yield(_) | Expr::YieldFrom(_), true) = (node, true) {
                    return cx.syntax("assignment to yield expression not possible", loc);
                }
                let excluded = matches!(
                    node,
                    Expr::List(_)
                        | Expr::Tuple(_)
                        | Expr::Generator(_)
                        | Expr::BooleanLiteral(_)
                        | Expr::NoneLiteral(_)
                );
                // A parenthesized expression is an atom, so it is a `bitwise_or` too.
                let bitwise_or_target = is_parenthesized(cx, node.range())
                    || (!matches!(
                        node,
                        Expr::Compare(_)
                            | Expr::BoolOp(_)
                            | Expr::If(_)
                            | Expr::Lambda(_)
                            | Expr::Named(_)
                            | Expr::Starred(_)
                    ) && !matches!(node, Expr::UnaryOp(u) if u.op == ruff_python_ast::UnaryOp::Not));
                let is_last_element = match first {
                    Expr::Tuple(t) if !t.parenthesized => {
                        t.elts.last().map(|l| l.range()) == Some(node.range())
                    }
                    _ => first.range() == node.range(),
                };
                if a.targets.len() == 1
                    && is_last_element
                    && !excluded
                    && bitwise_or_target
                    && starts_with_bitwise_or(&a.value)
                {
                    return cx.syntax(
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(node)
                        ),
                        node.range(),
                    );
                }
            }
        }
    }
    let t = invalid_target(node, false).unwrap_or(node);
    if matches!(t, Expr::Yield(_) | Expr::YieldFrom(_)) {
        return cx.syntax("assignment to yield expression not possible", t.range());
    }
    cx.syntax(format!("cannot assign to {}", expr_name(t)), t.range())
}
