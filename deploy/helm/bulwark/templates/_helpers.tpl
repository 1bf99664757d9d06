{{/* Resource name: the release name, unless it already says bulwark. */}}
{{- define "bulwark.fullname" -}}
{{- if contains "bulwark" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-bulwark" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "bulwark.selectorLabels" -}}
app.kubernetes.io/name: bulwark
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: admission
{{- end -}}

{{- define "bulwark.labels" -}}
{{ include "bulwark.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "bulwark.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}
{{- end -}}

{{- define "bulwark.tlsSecret" -}}
{{- if .Values.tls.existingSecret -}}
{{ .Values.tls.existingSecret }}
{{- else -}}
{{ include "bulwark.fullname" . }}-tls
{{- end -}}
{{- end -}}

{{- define "bulwark.serviceName" -}}
{{ include "bulwark.fullname" . }}.{{ .Release.Namespace }}.svc
{{- end -}}
