namespace Plenum.Api;

/// <summary>Refusals in problem+json with a message a person can act on.</summary>
public static class ApiProblems
{
    public static IResult Refused(string detail, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(detail: detail, statusCode: status);

    public static IResult NotFound(string what) =>
        Results.Problem(detail: $"No {what} here, or you cannot see it.", statusCode: StatusCodes.Status404NotFound);

    public static IResult Invalid(IDictionary<string, string[]> errors) => Results.ValidationProblem(errors);
}
