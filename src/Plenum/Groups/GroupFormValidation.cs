using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Plenum.Groups;

public static class GroupFormValidation
{
    /// <summary>Adds the cross-field rules of <see cref="GroupForm"/> to a page's model state.</summary>
    public static void AddRuleErrors(this ModelStateDictionary modelState, GroupForm form, DateTimeOffset now)
    {
        foreach (var (field, message) in form.CheckRules(now))
            modelState.AddModelError($"Form.{field}", message);
    }
}
