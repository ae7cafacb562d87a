from django import template

register = template.Library()


@register.filter
def value(state, name):
    """state.values[name], for an input name built in the template."""
    return state.values.get(name, "")


@register.filter
def errors_for(state, name):
    return state.messages_for(name)


@register.simple_tag
def fname(state, *parts):
    """The input name of a question's part: fname state "account" → "q12-account"."""
    return "-".join([state.name, *[str(p) for p in parts]])
