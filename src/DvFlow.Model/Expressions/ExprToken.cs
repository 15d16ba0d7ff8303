namespace DvFlow.Model.Expressions;

/// <summary>The kinds of token in an expression.</summary>
internal enum ExprTokenKind
{
    End,
    Int,
    Float,
    String,
    Identifier,

    // Keywords.
    True,
    False,
    Null,
    And,
    Or,
    Not,
    In,
    If,
    Else,

    // ExprOperators and punctuation.
    Plus,
    Minus,
    Star,
    StarStar,
    Slash,
    SlashSlash,
    Percent,
    EqEq,
    NotEq,
    Less,
    LessEq,
    Greater,
    GreaterEq,
    AmpAmp,
    PipePipe,
    Bang,
    Pipe,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Dot,
}

/// <summary>A token: its kind, its span in the template text and, for literals and names, its value.</summary>
internal readonly struct ExprToken
{
    public ExprToken(ExprTokenKind kind, int start, int length, object? value)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Value = value;
    }

    public ExprTokenKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>The literal value (long, double, string) or the identifier text.</summary>
    public object? Value { get; }
}
