#!/bin/sh
# Creates a private CA and a serving certificate for bulwark-admission.bulwark.svc, stores them as
# the Secret bulwark-admission-tls, and prints 50-webhook.yaml with the CA filled in:
#   ./gen-certs.sh | kubectl apply -f -
# (after applying 00- to 40-). Needs openssl and kubectl. The CA key is deleted afterwards:
# re-run the script to rotate (the certificate is valid for 365 days).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
svc=bulwark-admission.bulwark.svc
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=bulwark-admission-ca" \
  -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=$svc" -keyout "$dir/tls.key" -out "$dir/tls.csr" 2>/dev/null
printf 'subjectAltName=DNS:%s,DNS:%s.cluster.local,DNS:bulwark-admission.bulwark\nextendedKeyUsage=serverAuth\n' "$svc" "$svc" > "$dir/ext"
openssl x509 -req -in "$dir/tls.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 365 \
  -extfile "$dir/ext" -out "$dir/tls.crt" 2>/dev/null
kubectl -n bulwark create secret tls bulwark-admission-tls --cert="$dir/tls.crt" --key="$dir/tls.key" \
  --dry-run=client -o yaml | kubectl apply -f - >&2
ca=$(base64 < "$dir/ca.crt" | tr -d '\n')
sed "s|\${CA_BUNDLE}|$ca|" "$here/50-webhook.yaml"
