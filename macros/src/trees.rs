//! The expansion's tokens, gathered as a vector of trees and made into a
//! token stream once.
//!
//! In a proc macro every token stream that is built, extended, cloned or
//! iterated is a call into the compiler, and `quote!` makes several for each
//! stream it interpolates. A vector of trees makes one per group and one for
//! the whole: in the unoptimised proc macro of a user's dev profile, the
//! expansion of a gate costs about half as much built this way (see
//! BENCHMARKS.md, "Compile time and size").

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

/// Token trees on their way to becoming a stream.
pub(crate) struct Trees {
    trees: Vec<TokenTree>,
    span: Span,
}

impl Trees {
    /// Trees spanned at the macro's call site unless said otherwise.
    pub(crate) fn new() -> Trees {
        Trees::at(Span::call_site())
    }

    /// Trees whose new tokens are spanned at `span`.
    pub(crate) fn at(span: Span) -> Trees {
        Trees {
            trees: Vec::new(),
            span,
        }
    }

    /// The span of the tokens these trees make.
    pub(crate) fn span(&self) -> Span {
        self.span
    }

    pub(crate) fn push(&mut self, tree: impl Into<TokenTree>) -> &mut Trees {
        self.trees.push(tree.into());
        self
    }

    pub(crate) fn ident(&mut self, name: &str) -> &mut Trees {
        let ident = Ident::new(name, self.span);
        self.push(ident)
    }

    /// A punctuation character that stands alone (`!`, `,`, `;`, `=`).
    pub(crate) fn punct(&mut self, ch: char) -> &mut Trees {
        let mut punct = Punct::new(ch, Spacing::Alone);
        punct.set_span(self.span);
        self.push(punct)
    }

    /// `::`.
    pub(crate) fn path_sep(&mut self) -> &mut Trees {
        let mut first = Punct::new(':', Spacing::Joint);
        first.set_span(self.span);
        self.push(first).punct(':')
    }

    /// `::a::b::c`: an absolute path of plain identifiers.
    pub(crate) fn absolute(&mut self, segments: &[&str]) -> &mut Trees {
        for segment in segments {
            self.path_sep().ident(segment);
        }
        self
    }

    pub(crate) fn literal(&mut self, mut literal: Literal) -> &mut Trees {
        literal.set_span(self.span);
        self.push(literal)
    }

    /// A group around `inner`, spanned like these trees.
    pub(crate) fn group(&mut self, delimiter: Delimiter, inner: Trees) -> &mut Trees {
        let mut group = Group::new(delimiter, inner.into_stream());
        group.set_span(self.span);
        self.push(group)
    }

    /// Tokens of a syntax node, with their own spans: for the rare parts of
    /// an expansion (a `crate = path`, a `used_by` path, a doc comment's
    /// macro call), which go through a stream.
    pub(crate) fn tokens(&mut self, node: &impl ToTokens) -> &mut Trees {
        self.trees.extend(node.to_token_stream());
        self
    }

    pub(crate) fn extend(&mut self, trees: impl IntoIterator<Item = TokenTree>) -> &mut Trees {
        self.trees.extend(trees);
        self
    }

    pub(crate) fn extend_trees(&mut self, other: Trees) -> &mut Trees {
        self.trees.extend(other.trees);
        self
    }

    pub(crate) fn into_stream(self) -> TokenStream {
        if self.trees.is_empty() {
            // Made without a call into the compiler.
            return TokenStream::new();
        }
        self.trees.into_iter().collect()
    }
}
